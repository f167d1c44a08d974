import Foundation

/// The content a new site starts with, besides the sample's templates and policies: a
/// `site.yaml`, a small catalog and roster that fill every column the loaders read (so an
/// admin sees each one used before pasting the supplier's and HR's rows), and a `README.txt`
/// on what Excel does to those columns. CSV has no comment lines Excel keeps, so the formats
/// are said there rather than in the files.
enum StarterContent {
    /// `content/images/gift-box.png`, the picture of the rice gift box every festival offers
    /// (240 × 180, a red box drawn in the 春节 preset's colours), so the `image` column is filled too.
    static let pictureName = "gift-box.png"
    static let picture = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAPAAAAC0CAIAAAAl/ja/AAAClElEQVR42u3dwQnCMBSA4U7So3u4qxs4jSt0gF68eCsFMbR5ryHED/6jUCxfQqhPOr3XRRqmyS0Q0BLQEtAS0AJaAloCWgJaAlpAS0BLQEtAS0ALaAloCWgJaAloAS0BLQEtAS0BLaAloCWgJaAloAW0BLQEtAS0BLSAloCWgJaAFtAq93rcvzv14UJZ1xXQ9ZoLtrJA160BAV2p+ZetFNCRfR1odyF0eEgHHT+rAK3QRpsIOuv8DbTqUe5tRUBHriug0zTvbTVbCUwDfaHmzVabZcA00JdrbrYGmAa6U83pa0NAD6KZaaDt0EAz7QwNtKccnnIA7Tk0zUD7pRBot8AsB9BMm7YD2jy0eWig/WOF5vFBP29zt50F3fN3ARpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBBhpooIEGGmiggQYaaKCBbtgw75r38nCggQYaaAENtIAGGmiggQYaaAENtIAGGmiggQYaaKCBBlpAAy2ggQYaaKCBBhpooA34G/A34A800EADDTTQQAMNNNBAAw000EADDTTQQAMNNNBAAw000EADDTTQQAMNNNBAAw000EADDTTQQAMNNNBAAw000EADDTTQQAMNNNBAAw000EADDTTQQAMNNNBAAw000EADDTTQQAMNNNBAAw000EADDTTQQAMNNNBAAw000EADDTTQQAMNNND/BVoCWkBLQEtAS0BLQAtoCWgJaAloCWgBLQEtAS0BLQEtoCWgJaAloAW0BLQEtAS0BLSAloCWgJaAlg70AbpwSoO5u3O5AAAAAElFTkSuQmCC")!

    static let siteYAML = """
        # 由 lantern new site 生成。各键的说明见 Lantern 的 README（content/site.yaml 一节）。
        name: 职工福利站                # 每页页眉的站点名称
        union: 本单位工会               # 工会名称：页脚和贺卡中使用
        language: zh-CN
        # 工会经费政策：content/ 下的文件。默认按全国规定；省级示例（黑龙江、贵州）在 policies/，
        # 改用时把下一行换成 policies/heilongjiang.yaml 等，并先与本省现行文件逐条核对。
        policy: policies/national.yaml
        # base_url: https://welfare.example.com/   # 发布地址：设置后 links.csv 为完整链接，并生成打印卡片
        # order:
        #   endpoint: https://oa.example.com/welfare/orders   # 会员提交选择的表单地址（如 lantern collect 的 /orders）
        #   email: fuli@example.com                            # 无法提交时的邮件地址

        """

    /// One item per festival at least, so a theme `lantern new theme` makes for any occasion
    /// finds items; vouchers only where the national policy allows their kind.
    static let catalogCSV = """
        sku,name,category,price,supplier,kind,voucher,tags,cities,image,description,stock,active
        GEN-001,五常大米礼盒（5kg）,粮油副食,89.90,示例粮油有限公司,goods,,new-year|spring-festival|lantern-festival|womens-day|qingming|labour-day|dragon-boat|qixi|mid-autumn|double-ninth|national-day|new-years-eve,*,gift-box.png,东北稻花香大米，真空小包装，方便储存。,500,true
        GEN-002,坚果炒货礼盒,节令食品,128,示例食品有限公司,goods,,new-year|spring-festival|new-years-eve|lantern-festival|labour-day|national-day,*,,"六种坚果独立小袋,附手提礼袋。",300,true
        DB-001,鲜肉粽礼盒（8只装）,节令食品,99.5,示例食品有限公司,goods,,dragon-boat,*,,精选五花肉与圆糯米，箬叶包裹，真空独立包装。,200,true
        MA-001,广式月饼礼盒,节令食品,158.00,示例食品有限公司,goods,,mid-autumn,*,,莲蓉、豆沙、五仁三种口味，每盒 6 枚。,200,true
        MA-002,大闸蟹提货券（4只装）,节令食品,188,示例水产有限公司,voucher,pickup,mid-autumn|national-day,北京|上海,,凭券预约配送一份指定规格的大闸蟹；仅限北京、上海。,,true
        QM-001,青团礼盒（6只装）,节令食品,68,示例食品有限公司,goods,,qingming,*,,艾草青团，豆沙与咸蛋黄肉松两种口味。,150,true
        QM-002,明前绿茶（250g）,茶饮,120,示例茶业有限公司,goods,,qingming|double-ninth|qixi,*,,当季春茶，铁罐密封。,80,true
        WD-001,护手霜礼盒,个护,79,示例日化有限公司,goods,,womens-day|qixi,*,,三支装，滋润不油腻。,100,true
        SV-001,家庭保洁服务（3小时）,生活服务,150,示例家政服务有限公司,service,,new-year|spring-festival|labour-day|national-day|double-ninth,*,,预约上门，含厨房与卫生间深度清洁。,,true
        BD-001,生日蛋糕兑换券（8寸）,生日蛋糕,198,示例烘焙连锁,voucher,cake,birthday,*,,凭券到指定蛋糕店兑换 8 寸生日蛋糕。,,true
        BD-002,保温杯,生活用品,89,示例日用品有限公司,goods,,birthday|new-year,*,,316 不锈钢内胆，500ml。,0,true
        OLD-001,往年节日礼盒（已下架）,节令食品,99,示例食品有限公司,goods,,spring-festival,*,,已停产，保留作下架示例。,10,否

        """

    /// Synthetic members: every column used, a lunar birthday, a member who left.
    static let rosterCSV = """
        id,name,department,gender,birthday,birthday_calendar,hire_date,city,email,phone,language,status,tags
        M0001,张晓梅,综合办公室,F,1986-04-12,solar,2012-07-01,北京,zhang.xiaomei@example.com,13800000001,zh-CN,active,
        M0002,李建国,生产一线,M,1968-08-15,lunar,1990-03-01,上海,,13800000002,zh-CN,active,frontline
        M0003,王静,研发中心,F,1995-11-30,,2020-09-14,北京,wang.jing@example.com,,zh-CN,active,
        M0004,赵磊,销售部,M,1979-02-28,solar,2005-05-20,上海,zhao.lei@example.com,13800000004,zh-CN,left,frontline|overseas

        """

    static let readme = """
        content/ 里的文件（由 lantern new site 生成）
        =========================================

        site.yaml             站点名称、工会名称、政策文件、发布地址
        policies/             工会经费政策：national.yaml 为全国默认，另有两个省级示例
        catalog.csv           商品与服务目录（供应商提供）
        roster.csv            会员名单（HR 导出）。示例为虚构数据；真实名单不要放进 git
        themes/*.md           每个节日一个主题；用 lantern new theme 名称 --occasion 场合 新建
        images/               catalog.csv 的 image 列所指的商品图片（JPEG、PNG、WebP）；gift-box.png 为示例，image 列留空即无图

        改完运行 lantern check，再运行 lantern build。

        用 Excel 编辑 catalog.csv 和 roster.csv
        --------------------------------------

        列名（第一行）是约定，列的顺序随意；不认识的列会保留给模板使用。每一列的含义见 Lantern 的
        README（content/catalog.csv、content/roster.csv 两节）。

        保存：「另存为」选「CSV UTF-8(逗号分隔)」最好。「CSV(逗号分隔)」（GBK）也能读，会给出提示；
        「Unicode 文本」（制表符分隔的 .txt）改名为 roster.csv 也能读。

        日期（birthday、hire_date）：写成 1986-04-12。Excel 会把日期显示并保存成 1986/4/12，这样
        会报错：请先把这一列设为「文本」格式，或用自定义格式 yyyy-mm-dd。农历生日在 birthday_calendar
        写 lunar，birthday 写农历日期（1968-08-15 即八月十五；闰月写 1968-L04-15）。

        价格（price）：以元为单位，最多两位小数：128、89.9、158.00。程序内部按「分」计算，不会有
        小数误差。不要写 ¥、千位分隔符（1,280）或全角数字，否则报错。

        手机号（phone）和工号（id）：Excel 会把 13800000001 变成 1.38E+10，把 0001 变成 1。请先把
        这两列设为「文本」格式再粘贴。

        多个值（tags、cities）用 | 分隔：dragon-boat|mid-autumn、北京|上海。cities 写 * 或留空表示
        全国配送。

        是否上架（active）：true/false，也可写 是/否、yes/no、1/0。stock 留空表示不计库存，0 表示售罄。

        kind：goods（商品，默认）、service（服务）或 voucher（兑换券）。兑换券须在 voucher 列写明
        cake（指定蛋糕店）或 pickup（指定商品提货券）；通用代金券不得用工会经费购买。

        """
}
