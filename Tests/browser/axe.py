"""axe-core in the page under test, from a pinned PyPI package (scripts/install-test-deps.sh
installs it; nothing is fetched at test time). Every rule runs, best-practice, experimental,
deprecated and WCAG 2.2's target-size included (no runOnly tag filter narrows them), except
the three of WCAG level AAA (enhanced 7:1 contrast, identical links, no timed refresh at
all): issue 12 asks for level AA, and its festival palettes are held to 4.5:1."""
import importlib.metadata
import importlib.util
from pathlib import Path

PACKAGE, VERSION = "axe-playwright-python", "0.1.8"  # keep in step with scripts/install-test-deps.sh
AXE_CORE = "4.12.1"


def source() -> str:
    installed = importlib.metadata.version(PACKAGE)
    assert installed == VERSION, f"{PACKAGE} {installed} is installed, the tests pin {VERSION}: run scripts/install-test-deps.sh"
    spec = importlib.util.find_spec(PACKAGE.replace("-", "_"))  # found, not imported: it would need Playwright
    text = (Path(spec.submodule_search_locations[0]) / "axe.min.js").read_text(encoding="utf-8")
    assert f"axe v{AXE_CORE}" in text[:200], "axe.min.js is not the pinned axe-core"
    return text


RUN = """
var done = arguments[arguments.length - 1];
var rules = {};
axe.getRules().forEach(function (rule) { rules[rule.ruleId] = { enabled: rule.tags.indexOf("wcag2aaa") < 0 }; });
axe.run(document, { rules: rules, resultTypes: ["violations"] })
  .then(function (result) {
    var on = Object.keys(rules).filter(function (id) { return rules[id].enabled; });
    done({ rules: on.length, violations: result.violations });
  })
  .catch(function (error) { done({ error: String(error) }); });
"""


def violations(driver, script: str) -> list:
    """The page's axe violations, after checking that every rule ran."""
    driver.set_script_timeout(60)
    if not driver.execute_script("return !!window.axe"):
        driver.execute_script(script)
    result = driver.execute_async_script(RUN)
    assert "error" not in result, result.get("error")
    assert result["rules"] >= 100, f"only {result['rules']} axe rules"
    return result["violations"]


def serious(found: list) -> list:
    return [v for v in found if v["impact"] in ("serious", "critical")]


def describe(found: list) -> str:
    lines = []
    for v in found:
        lines.append(f"  {v['impact']}: {v['id']}: {v['help']} ({len(v['nodes'])}×)")
        for node in v["nodes"][:5]:
            lines.append(f"      {' '.join(node['target'])}: {node.get('failureSummary', '').splitlines()[-1:]}")
    return "\n".join(lines)
