import LanternModel

extension SiteLocale {
    /// The strings Lantern writes itself, in Chinese, for a site without `templates/locales/`
    /// (its templates predate locale files and hold their own wording).
    static func builtIn(_ language: String) -> SiteLocale {
        let strings = [
            "format.date": "{{year}}年{{month}}月{{day}}日", "format.month_day": "{{month}}月{{day}}日", "format.money": "¥{{amount}}",
            "kind.goods": "商品", "kind.service": "服务", "kind.voucher": "兑换券",
            "cities.all": "全国", "cities.only": "限 {{cities}}", "list.separator": "、",
            "audience.female": "女职工", "audience.male": "男职工", "audience.selected": "指定人群",
            "occasion.birthday": "生日", "window.birthday": "生日前 {{opens}} 天至生日后 {{closes}} 天", "menu.title": "慰问菜单",
            "mail.subject": "福利选择 {{theme}} {{member}}", "mail.body": "工号: {{member}}\n专区: {{title}}\n我的选择 (商品编号): ",
        ]
        return SiteLocale(language: language, file: "(built in)", strings: strings, locations: [:])
    }
}
