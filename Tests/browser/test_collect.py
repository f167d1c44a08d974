"""A member's choice goes to a real `lantern collect` on loopback and comes back confirmed
(issue 11): with JavaScript (fetch, confirmation in the page, the current choice shown again)
and without (the collector's own form and confirmation page)."""
import os
import sqlite3
import subprocess

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from conftest import LANTERN, SECRET_ENV

THEME = "dragon-boat-2026"


def choice(database, member):
    """The member's current choice for the theme, as the collector's SQLite file holds it."""
    with sqlite3.connect(database) as db:
        row = db.execute("SELECT s.skus, s.total_fen, s.id, c.count FROM choice c JOIN submission s ON s.id = c.submission "
                         "WHERE c.member = ? AND c.theme = ?", (member, THEME)).fetchone()
    return row and (row[0].split(" "), row[1], row[2], row[3])


def boxes(browser):
    WebDriverWait(browser, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "input[name=sku]"))
    return browser.find_elements(By.CSS_SELECTOR, "input[name=sku]")


def yuan(fen):
    return f"¥{fen // 100}.{fen % 100:02d}"


def test_with_javascript_a_choice_is_confirmed_changed_and_shown_again(browser, collecting_site):
    base, links, public, database = collecting_site
    browser.get(links["E1001"]["url"] + THEME + "/index.html")
    budget = int(browser.find_element(By.CSS_SELECTOR, "form[data-budget-fen]").get_attribute("data-budget-fen"))
    by_price = sorted(boxes(browser), key=lambda box: int(box.get_attribute("data-price-fen")))
    first = by_price[:2]
    total = sum(int(box.get_attribute("data-price-fen")) for box in first)
    assert total <= budget
    # Nothing ticked: refused in the page, and nothing reaches the collector.
    browser.find_element(By.CSS_SELECTOR, "form.order [type=submit]").click()
    assert browser.find_element(By.CSS_SELECTOR, "[data-empty]").is_displayed()
    assert choice(database, "E1001") is None
    for box in first:
        browser.execute_script("arguments[0].click()", box)
    assert browser.find_element(By.CSS_SELECTOR, "output[data-remaining]").text == yuan(budget - total)
    # Items dearer than what is left are marked; those that still fit are not.
    for box in boxes(browser):
        if box.is_selected():
            continue
        price = int(box.get_attribute("data-price-fen"))
        marked = "unaffordable" in box.find_element(By.XPATH, "..").get_attribute("class").split()
        assert marked == (price > budget - total), box.get_attribute("value")
    assert any(int(b.get_attribute("data-price-fen")) > budget - total for b in boxes(browser) if not b.is_selected())
    browser.find_element(By.CSS_SELECTOR, "form.order [type=submit]").click()
    confirmation = browser.find_element(By.CSS_SELECTOR, "[data-confirmation]")
    WebDriverWait(browser, 10).until(lambda d: confirmation.is_displayed())
    assert "回执编号 R" in confirmation.text and f"合计 {yuan(total)}" in confirmation.text
    assert f"剩余预算 {yuan(budget - total)}" in confirmation.text
    skus = [box.get_attribute("value") for box in first]
    assert choice(database, "E1001")[:2] == (skus, total)

    # The member changes their mind: one item instead of two. The latest choice counts.
    browser.execute_script("arguments[0].click()", first[1])
    browser.find_element(By.CSS_SELECTOR, "form.order [type=submit]").click()
    WebDriverWait(browser, 10).until(lambda d: f"合计 {yuan(int(first[0].get_attribute('data-price-fen')))}" in confirmation.text)
    stored = choice(database, "E1001")
    assert stored[0] == skus[:1] and stored[3] == 2

    # Opened again, the storefront ticks the current choice.
    browser.get(links["E1001"]["url"] + THEME + "/index.html")
    current = browser.find_element(By.CSS_SELECTOR, "[data-current]")
    WebDriverWait(browser, 10).until(lambda d: current.is_displayed())
    assert f"R{stored[2]:07d}" in current.text
    ticked = [box.get_attribute("value") for box in boxes(browser) if box.is_selected()]
    assert ticked == skus[:1]


def test_without_javascript_the_collectors_form_takes_the_choice(browser_without_javascript, collecting_site):
    base, links, public, database = collecting_site
    driver = browser_without_javascript
    driver.get(links["E1002"]["url"] + THEME + "/index.html")
    assert not driver.find_elements(By.CSS_SELECTOR, "input[name=sku]")  # JavaScript really is off
    # Keyboard, as a member would reach it: the sticky order bar may cover the link's spot.
    driver.find_element(By.CSS_SELECTOR, "button[data-order-form]").send_keys(Keys.ENTER)
    WebDriverWait(driver, 10).until(lambda d: "/orders/form" in d.current_url)
    offered = driver.find_elements(By.CSS_SELECTOR, "input[name=sku]")
    assert offered
    first = offered[0].get_attribute("value")
    offered[0].click()
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-receipt]"))
    receipt = driver.find_element(By.CSS_SELECTOR, "[data-receipt]").text
    stored = choice(database, "E1002")
    assert stored and stored[0] == [first] and receipt == f"R{stored[2]:07d}"
    assert driver.find_element(By.CSS_SELECTOR, "[data-total]").text == yuan(stored[1])
    # The way back leads to the member's own storefront.
    back = driver.find_element(By.CSS_SELECTOR, "a.button").get_attribute("href")
    assert back == links["E1002"]["url"] + THEME + "/index.html"

    # Changed without JavaScript too: back to the form, another item.
    driver.back()
    WebDriverWait(driver, 10).until(lambda d: "/orders/form" in d.current_url)
    driver.refresh()
    offered = driver.find_elements(By.CSS_SELECTOR, "input[name=sku]")
    assert len(offered) > 1
    second = offered[1].get_attribute("value")
    offered[1].click()
    driver.find_element(By.CSS_SELECTOR, "button[type=submit]").click()
    WebDriverWait(driver, 10).until(lambda d: d.find_elements(By.CSS_SELECTOR, "[data-receipt]"))
    stored = choice(database, "E1002")
    assert stored[0] == [second] and stored[3] == 2


def read_csv(path):
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f))


def test_the_report_counts_the_latest_choices(collecting_site):
    """After the two members above chose (and changed their minds), `lantern report` on the
    sample site: one order each with the second choice, the supplier sheet of those items, and
    every other member with a storefront for the theme in the reminders, with their link."""
    base, links, public, database = collecting_site
    root = public.parent
    subprocess.run([str(LANTERN), "report", "--site", str(root), "--today", "2026-06-10", "--db", str(database)],
                   check=True, env=dict(os.environ, **SECRET_ENV), capture_output=True)
    reports = root / "private" / "reports"
    orders = read_csv(reports / f"orders-{THEME}.csv")
    assert orders[0] == ["id", "name", "department", "city", "skus", "items", "total", "receipt", "time", "submissions"]
    by_member = {row[0]: row for row in orders[1:]}
    assert sorted(by_member) == ["E1001", "E1002"]
    for member in ("E1001", "E1002"):
        skus, total_fen, receipt_id, count = choice(database, member)
        row = by_member[member]
        assert row[1] == links[member]["name"]
        assert row[4] == " ".join(skus) and row[6] == f"{total_fen // 100}.{total_fen % 100:02d}"
        assert row[7] == f"R{receipt_id:07d}" and row[9] == str(count) == "2"

    # The purchase order: one row per supplier, SKU and city, quantities from the two choices.
    catalog = {row["sku"]: row for row in csv_dicts(root / "content" / "catalog.csv")}
    roster = {row["id"]: row for row in csv_dicts(root / "content" / "roster.csv")}
    expected = {}
    for member in ("E1001", "E1002"):
        for sku in choice(database, member)[0]:
            key = (catalog[sku]["supplier"], sku, roster[member]["city"])
            expected[key] = expected.get(key, 0) + 1
    supplier = read_csv(reports / f"supplier-{THEME}.csv")
    assert supplier[0] == ["supplier", "sku", "name", "city", "quantity", "unit_price", "amount"]
    assert sorted((r[0], r[1], r[3], int(r[4])) for r in supplier[1:]) == sorted((*k, v) for k, v in expected.items())
    for row in supplier[1:]:
        assert row[2] == catalog[row[1]]["name"]

    # Reminders: exactly the members with a storefront for the theme who did not choose, as links.csv has them.
    with_storefront = sorted(member for member, link in links.items()
                             if (public / link["url"].replace(base, "") / THEME / "index.html").exists())
    reminders = read_csv(reports / f"reminders-{THEME}.csv")
    assert reminders[0] == ["id", "name", "email", "phone", "url"]
    assert sorted(row[0] for row in reminders[1:]) == [m for m in with_storefront if m not in ("E1001", "E1002")]
    for row in reminders[1:]:
        assert row == [links[row[0]][k] for k in ("id", "name", "email", "phone", "url")]


def csv_dicts(path):
    import csv
    with open(path, encoding="utf-8-sig", newline="") as f:
        return list(csv.DictReader(f))
