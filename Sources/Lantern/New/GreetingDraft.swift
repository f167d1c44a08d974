import LanternModel

/// The words `lantern new theme` starts a theme with, in the occasion's tone: a festive 春节, a
/// warm 中秋 letter, a restrained 清明 one (no 快乐, no exclamation marks). The greetings use only
/// the member variables a theme offers (`{{name}}`, `{{department}}`, `{{festival_date}}` …), so
/// the draft checks as it is; the author rewrites them.
struct GreetingDraft {
    /// The title after the year and the festival's name: `2026 中秋节 · 月圆人团圆`.
    var phrase: String
    var summary: String
    var greeting: String

    static func of(_ occasion: Occasion) -> GreetingDraft {
        switch occasion {
        case .newYear:
            GreetingDraft(phrase: "新年新气象", summary: "元旦将至，工会为每位会员备好新年好礼，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                辞旧迎新，{{festival_date}} 元旦将至。{{union_name}}向您和家人致以新年的问候：**元旦快乐！**

                {{#department}}感谢您过去一年在{{department}}的辛勤付出，{{/department}}这是您与我们同行的第 {{service_year}} 年。

                本次「{{theme_title}}」，工会为您准备了 **{{budget}}** 的选礼额度，选好后点击页面下方的“提交选择”即可。

                愿您新年顺遂，万事胜意！
                """)
        case .springFestival:
            GreetingDraft(phrase: "阖家团圆过大年", summary: "新春将至，工会为每位会员备好年货，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                爆竹声声辞旧岁，{{festival_date}} 春节将至。{{union_name}}给您和家人拜年了：**新春快乐，阖家幸福！**

                {{#department}}这一年，您在{{department}}的每一份付出都让我们的集体更好。{{/department}}这是您与我们同行的第 {{service_year}} 年，谢谢您。

                本次「{{theme_title}}」，工会为您准备了 **{{budget}}** 的年货额度，粮油、干果与家居好物任您挑选，礼品将配送到您所在的城市。

                愿您新春大吉，岁岁平安！
                """)
        case .lanternFestival:
            GreetingDraft(phrase: "花灯映月闹元宵", summary: "元宵佳节，工会为每位会员送上一份节日心意，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                灯火可亲，汤圆香甜。{{festival_date}} 元宵佳节到了，{{union_name}}祝您：**元宵节快乐！**

                {{#department}}新的一年，感谢您继续在{{department}}与我们并肩同行。{{/department}}本次「{{theme_title}}」为您准备了 **{{budget}}** 的节日额度，请在页面中自选。

                愿您团团圆圆，事事圆满！
                """)
        case .womensDay:
            GreetingDraft(phrase: "致敬她力量", summary: "三八妇女节，工会为女职工送上一份贴心小礼，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                春风送暖，花开三月。在 {{festival_date}} 国际劳动妇女节到来之际，{{union_name}}向您致以**诚挚的节日祝福**！

                {{#department}}在{{department}}的岗位上，您用细心与坚韧撑起了一片天。{{/department}}工作与生活两头忙，也请记得多照顾自己。

                「{{theme_title}}」为您准备了 **{{budget}}** 的心意额度，请在页面中挑选喜欢的小礼。

                愿您被温柔以待，节日快乐！
                """)
        case .qingming:
            GreetingDraft(phrase: "慎终追远", summary: "清明将至，工会为会员备下一份节令心意，请在额度内选择。", greeting: """
                {{name}}：

                清明时节，春和景明，也是缅怀先人、寄托哀思的日子。{{festival_date}} 清明节前，{{union_name}}向您和家人致以问候。

                {{#department}}感谢您在{{department}}的坚守。{{/department}}节日前后出行祭扫的人多，请注意出行安全，照顾好家人，也照顾好自己。

                工会为您准备了 **{{budget}}** 的节令心意，可在页面中选择青团、春茶等时令物品。

                愿您与家人平安康健。
                """)
        case .labourDay:
            GreetingDraft(phrase: "致敬每一位劳动者", summary: "劳动节将至，工会为每位会员备好节日好礼，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                五月的风带来节日的问候。{{festival_date}} 劳动节将至，{{union_name}}向您致敬：**劳动节快乐！**

                {{#department}}感谢您在{{department}}用双手和汗水创造的每一份成绩。{{/department}}这是您与我们同行的第 {{service_year}} 年。

                本次「{{theme_title}}」，工会为您准备了 **{{budget}}** 的选礼额度，请在页面中自选。

                愿您假期愉快，劳逸结合！
                """)
        case .dragonBoat:
            GreetingDraft(phrase: "粽情好礼", summary: "端午将至，工会为每位会员备好粽子与夏日好物，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                粽叶飘香，又是一年端午时。{{festival_date}} 端午节即将到来，{{union_name}}向您和家人致以节日的问候：**端午安康！**

                {{#department}}感谢您这一年在{{department}}的辛勤付出，{{/department}}这是您与我们同行的第 {{service_year}} 年。

                本次「{{theme_title}}」，工会为您准备了 **{{budget}}** 的选礼额度，粽子、咸蛋与夏日好物任您搭配。

                愿您端午安康，阖家幸福！
                """)
        case .qixi:
            GreetingDraft(phrase: "七夕佳期", summary: "七夕将至，工会为会员送上一份温柔心意，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                银河迢迢，鹊桥相会。{{festival_date}} 七夕将至，{{union_name}}为您送上一份温柔的祝福。

                {{#department}}忙碌之余，感谢您在{{department}}的用心与付出。{{/department}}「{{theme_title}}」为您准备了 **{{budget}}** 的心意额度，请在页面中挑选。

                愿您与所爱之人相伴相守，日子温暖明亮。
                """)
        case .midAutumn:
            GreetingDraft(phrase: "月圆人团圆", summary: "中秋将至，工会为每位会员备好月饼与团圆好礼，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                又是一年月圆时。{{festival_date}} 中秋佳节将至，{{union_name}}向您和家人送上最温暖的祝福：**中秋快乐，阖家团圆！**

                {{#department}}这一年，您在{{department}}的每一份辛劳，我们都看在眼里、记在心里。{{/department}}这是您与我们同行的第 {{service_year}} 年，感谢有您。

                无论今年您是在家中赏月，还是在岗位上值守，工会都想为您的节日添一份甜。「{{theme_title}}」为您准备了 **{{budget}}** 的心意额度，月饼、水果与茶饮任您挑选。

                愿月光照亮回家的路，愿您和家人岁岁平安、花好月圆。
                """)
        case .doubleNinth:
            GreetingDraft(phrase: "九九重阳 · 敬老情长", summary: "重阳将至，工会为会员备好敬老孝亲的心意，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                金秋时节，又逢重阳。{{festival_date}} 重阳节将至，{{union_name}}向您和家中长辈致以节日的问候。

                {{#department}}感谢您在{{department}}的辛勤付出。{{/department}}登高望远，也别忘了多陪陪家人。「{{theme_title}}」为您准备了 **{{budget}}** 的心意额度，茶饮、滋补与健康好物任您挑选，也可以选一份带给家中的老人。

                愿您和家人安康长寿，幸福绵长。
                """)
        case .nationalDay:
            GreetingDraft(phrase: "礼赞祖国", summary: "国庆将至，工会为每位会员备好节日好礼，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                金秋十月，举国同庆。{{festival_date}} 国庆节将至，{{union_name}}向您和家人致以节日的问候：**国庆快乐！**

                {{#department}}感谢您在{{department}}的坚守与付出，{{/department}}这是您与我们同行的第 {{service_year}} 年。

                本次「{{theme_title}}」，工会为您准备了 **{{budget}}** 的选礼额度，请在页面中自选。

                愿您假期愉快，出行平安！
                """)
        case .newYearsEve:
            GreetingDraft(phrase: "守岁团圆", summary: "除夕将至，工会为每位会员备好年夜饭的好食材，请在额度内自选。", greeting: """
                亲爱的 {{name}}：

                年夜饭的香气里，一年就要过去了。{{festival_date}} 除夕，{{union_name}}祝您和家人：**除夕快乐，新年大吉！**

                {{#department}}这一年辛苦了，感谢您为{{department}}付出的一切。{{/department}}「{{theme_title}}」为您准备了 **{{budget}}** 的年货额度，请在页面中自选。

                愿您守岁团圆，来年顺顺利利！
                """)
        case .birthday:
            GreetingDraft(phrase: "工会的一份心意", summary: "在您生日前后，工会为您送上生日蛋糕或一份生日小礼。", greeting: """
                亲爱的 {{name}}：

                **祝您生日快乐！**

                在这个属于您的日子里，{{union_name}}为您送上最温暖的祝福。感谢您与我们同行的第 {{service_year}} 年{{#department}}，也感谢您为{{department}}带来的每一份努力与笑容{{/department}}。

                「{{theme_title}}」为您准备了 **{{budget}}** 的生日心意，可以选择指定蛋糕店的生日蛋糕兑换券，或一份生日小礼。

                愿新的一岁平安顺遂，天天开心！
                """)
        }
    }
}
