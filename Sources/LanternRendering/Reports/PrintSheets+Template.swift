extension PrintSheets {
    /// Two columns by three rows fill an A4 page inside 12 mm margins (186 × 273 mm).
    static let cardsPerPage = 6

    /// Black on white with dashed cut lines, so it reads on any printer. Each page of cards is its
    /// own block that ends with a page break, and a card is a fixed-size grid cell, so no card is
    /// ever split across two pages whatever the browser. `{{{qr}}}` is the SVG that `QRCode`
    /// made, which holds no text from the roster; every other value is escaped.
    static let templateText = """
    <!doctype html>
    <html lang="zh-CN"><head><meta charset="utf-8"><meta name="robots" content="noindex,nofollow">
    <meta name="referrer" content="no-referrer">
    <title>打印卡片 · {{department}} · {{site}}</title>
    <style>
    @page { size: A4; margin: 12mm }
    * { box-sizing: border-box }
    body { margin: 0; color: #000; background: #fff;
      font: 10.5pt/1.45 "Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif }
    .note { width: 186mm; margin: 8mm auto; padding: 3mm 5mm; border: 1px solid #000 }
    .note h1 { font-size: 14pt; margin: 0 0 2mm }
    .note p { margin: 0 }
    .page { display: grid; grid-template-columns: 91mm 91mm; grid-auto-rows: 86mm; gap: 4mm;
      width: 186mm; margin: 0 auto 8mm; break-after: page; page-break-after: always; break-inside: avoid }
    .page:last-child { break-after: auto; page-break-after: auto }
    .card { display: flex; flex-direction: column; align-items: center; text-align: center; overflow: hidden;
      padding: 4mm 5mm; border: 1px dashed #000; break-inside: avoid; page-break-inside: avoid }
    .name { font-size: 16pt; font-weight: bold; line-height: 1.25 }
    .dept, .union { font-size: 9.5pt }
    .card svg { display: block; width: 36mm; height: 36mm; margin: 2mm 0 1.5mm }
    .how { font-size: 10pt; font-weight: bold }
    .url { margin-top: auto; font: 7.5pt/1.3 "DejaVu Sans Mono", Menlo, Consolas, monospace; word-break: break-all }
    @media print { .note { display: none } .page { margin: 0 } }
    </style></head><body>
    <div class="note">
    <h1>{{site}} · {{department}} · 打印卡片</h1>
    <p>共 {{count}} 张。打印：在浏览器中打开本文件，选择打印，纸张 A4，缩放 100%，不加页眉页脚；沿虚线裁开，交给本人。\
    每张卡片是本人的专属链接：请勿张贴、拍照转发或交给他人。本说明不会被打印。</p>
    </div>
    {{#pages}}<main class="page">
    {{#cards}}<section class="card">
    <div class="name">{{name}}</div>
    {{#dept}}<div class="dept">{{dept}}</div>{{/dept}}
    <div class="union">{{union}}</div>
    {{{qr}}}
    <div class="how" lang="{{lang}}">{{instruction}}</div>
    <div class="url">{{url}}</div>
    </section>
    {{/cards}}</main>
    {{/pages}}</body></html>

    """
}
