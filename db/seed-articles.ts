/**
 * Demo data of the articles capability; runs once (its own marker in app_meta). Gives 易车 its
 * long-form rules (at least 2,000 characters, an owner testimonial) and writes the two demo
 * articles: a 易车 long read with three owner testimonials and a 微信公众号 Q&A. They take over
 * the foundation's placeholder pieces of the same title when those exist (as the e-books do), so
 * the 易车 piece already in review carries a body that keeps its channel's rules.
 */
import { and, eq } from "drizzle-orm";
import type { DbOrTx } from "../app/lib/db.server";
import type { Actor } from "../app/modules/auth/actor";
import { createArticle } from "../app/modules/articles/create-article.server";
import { updateArticle } from "../app/modules/articles/update-article.server";
import * as schema from "./schema";
import type { DemoSeedOptions } from "./seed-options";

const FENCE = "```";

/** The channels' long-form rules from the dealer plan (易车: 2,000 characters with testimonials). */
export const ARTICLE_CHANNEL_RULES = [{ key: "yiche", minChars: 2000, testimonialRequired: true }] as const;

/** Adds the rules to channels that exist and have none yet; a rule an editor changed is kept. */
export function applyArticleChannelRules(db: DbOrTx, now: Date): void {
  for (const rule of ARTICLE_CHANNEL_RULES) {
    const channel = db.select().from(schema.channels).where(eq(schema.channels.key, rule.key)).get();
    if (!channel) continue;
    db.insert(schema.channelArticleRules)
      .values({
        channelId: channel.id,
        minChars: rule.minChars,
        testimonialRequired: rule.testimonialRequired,
        createdAt: now,
        updatedAt: now,
      })
      .onConflictDoNothing()
      .run();
  }
}

const YICHE_TITLE = "易车长文：三位车主的十万公里保养账本";
const WECHAT_TITLE = "公众号：雨季用车十问十答";

/** Written for the demo: a dealership's after-sales long read with three owner testimonials. */
export const YICHE_ARTICLE = `
在我们店里做了十年售后，常被问到的一句话是：“原厂保养到底贵在哪，又值在哪？”与其由我们自己来回答，不如把账本摊开，请三位真实的老车主说说他们这些年的用车经历。三位车主分别开的是家用轿车、城市SUV和跑长途的商务MPV，车龄从四年到七年不等，里程都已经超过十万公里。下面的数字来自他们在店里的保养档案，经车主本人同意后整理发布，个人信息已做处理。

## 一、先看账本：十万公里花了多少钱

很多车主对保养费用的印象停留在“每次几百到上千元”，却很少有人把几年的单据加在一起看。我们按照厂家保养手册的周期，把三台车从新车到十万公里的常规保养费用做了汇总：机油机滤每五千到一万公里一次，空气滤芯和空调滤芯每两万公里左右一次，火花塞、变速箱油、刹车油按手册里程或年限更换。

汇总下来，家用轿车十万公里的常规保养合计约一万一千元，城市SUV约一万三千元，商务MPV因为排量大、跑高速多，约一万六千元。平均到每公里，大约一毛一到一毛六。这个数字里没有算进轮胎和刹车片这类磨损件，它们和驾驶习惯关系更大，我们放在后面单独说。

需要说明的是，每台车的实际费用会因为车型、行驶路况和当时的活动政策有所不同，这里给出的是三位车主的实际记录，仅供大家参考，具体项目以到店检测和保养手册为准。

## 二、三位车主怎么说

${FENCE}车主证言
车主：王先生（网约车转私家车，用车七年）
车型：2019款 朗逸 1.5L 自动舒适版
证言：我这台车前三年跑网约车，里程涨得特别快，一年差不多三万公里。那时候图省事，也在路边店换过两次机油，后来发动机有点烧机油的迹象，来店里检查，技师拆开给我看积碳的情况，我才知道机油标号和更换周期真不能马虎。从那以后我就固定在店里保养，每次都能在手机上看到保养项目和用的零件编号，心里踏实。现在车开了十一万公里，发动机声音还是很顺，去年年检一次就过了。
${FENCE}

王先生的情况在我们店里并不少见。高频用车的车主往往更在意单次价格，但机油粘度不合适、滤芯质量不过关，影响的是发动机的长期状态。我们的做法是每次保养前先做一次免费检测，把需要做和可以暂缓的项目分开列清楚，由车主自己决定，不做捆绑推荐。

${FENCE}车主证言
车主：李女士（双职工家庭，接送孩子为主）
车型：2020款 途岳 280TSI 两驱豪华版
证言：我对车不太懂，就怕去保养被人说这也要换那也要换。第一次来店里，顾问拿着保养手册跟我对，哪些是这次到期的，哪些还能再跑一段，说得清清楚楚。有一次雨季前检查，技师发现雨刮胶条老化、后轮胎有个小鼓包，提醒我尽快处理，后来下暴雨那天我真庆幸换了。四年多开了十万公里出头，除了正常保养和换过一套轮胎，没出过大毛病。我觉得值的不是便宜，而是放心。
${FENCE}

李女士提到的雨季检查，是我们每年五月前后都会做的免费项目，包括雨刮、灯光、轮胎、刹车和空调排水。很多小隐患平时不容易发现，一到下雨天就容易出问题。提前花半小时检查，比在路上遇到状况要省心得多。

${FENCE}车主证言
车主：赵先生（建材生意，常年跑长途）
车型：2021款 威然 380TSI 商务版
证言：我一年有一半时间在路上，高速、山路、工地都跑。车对我来说就是吃饭的工具，就怕半路趴窝。这几年我在外地也做过应急维修，但常规保养一定回来做，因为店里有我这台车的完整档案，技师知道它什么时候换过什么。去年跑青海之前，店里帮我做了一次长途专项检查，把刹车油和冷却液都换了，高原上连续下长坡，刹车一直很稳。十万公里下来，变速箱换油一次，其他都是常规项目，车况比我预想的好。
${FENCE}

## 三、为什么坚持原厂零件

三位车主不约而同提到了“放心”两个字。站在售后的角度，我们想把“放心”拆开来讲清楚。

其一是零件本身。原厂零件和车辆是一起设计和验证的，滤芯的过滤精度、刹车片的摩擦系数、机油的粘度等级，都和发动机、制动系统的参数相匹配。用不匹配的零件，短期可能看不出差别，长期会体现在油耗、噪音和部件寿命上。

其二是可追溯。每一个原厂零件都有编号，装到哪台车上、什么时候装的，都记录在车辆档案里。车主在手机上就能查到自己的保养记录，将来卖车置换的时候，一份完整的保养档案也能帮车辆评估出更合理的价格。

其三是技师。我们的技师都经过厂家培训和考核，常见故障有标准的诊断流程，遇到疑难问题还可以向厂家技术支持求助。夜班技师也会把典型的维修案例拍成视频，分享在我们的“深夜修车铺”栏目里，欢迎大家关注。

## 四、轮胎和刹车片：看习惯，更要看检测

前面说过，轮胎和刹车片的更换周期和驾驶习惯关系很大。王先生的车因为城市路况多、刹车频繁，刹车片在六万公里左右更换过一次；赵先生的车高速多，刹车片反而用得更久，但轮胎因为经常跑工地，磨损和划伤更明显。

我们的建议是不要只看里程，而是每次保养时让技师测量刹车片厚度和轮胎花纹深度，并检查轮胎侧面有没有鼓包和裂纹。测量结果会写在检测单上，车主可以自己对比每一次的变化，做到心中有数。

## 五、给新车主的几条建议

一是按手册周期保养，不要拖太久，也不必提前太多。二是每次保养保留单据或电子记录，形成完整档案。三是换季和长途出行前做一次专项检查，重点看轮胎、刹车、灯光和冷却系统。四是有异响、异味、仪表报警时尽早到店检测，小问题拖成大问题，花费往往会成倍增加。

最后，感谢王先生、李女士和赵先生愿意分享自己的用车经历。如果你也是我们的老车主，欢迎把你的故事告诉我们的服务顾问。到店保养时，可以向服务顾问预约免费的全车检测，具体项目和时间以门店安排为准。
`;

export const WECHAT_ARTICLE = `
梅雨季节就要到了，服务顾问把这几年车主问得多的十个问题整理成问答，出门前花三分钟看一看。

**一问：雨刮多久换一次？**
一般一年左右检查一次胶条。刮不干净、有异响、留下水痕，就该换了。

**二问：下雨天要开雾灯吗？**
能见度低时打开前后雾灯和近光灯，雨停了记得关掉后雾灯，以免晃到后车。

**三问：车窗起雾怎么办？**
打开空调的A/C和前挡除雾，外循环效果更快；平时保持空调滤芯清洁，也能减少起雾。

**四问：积水路段能不能过？**
看不清水深就不要过。水深超过轮胎一半时请绕行，涉水后轻踩几次刹车，让刹车片干燥。

**五问：涉水熄火了能再打火吗？**
千万不要再次启动，请联系救援拖车到店检查，避免发动机进水造成更大损伤。

**六问：轮胎花纹要多深？**
花纹深度低于1.6毫米必须更换，雨天建议不低于3毫米，排水更好。

**七问：雨天刹车距离会变长吗？**
会。湿滑路面上请把跟车距离拉长到平时的两倍左右。

**八问：天窗漏水是怎么回事？**
多半是排水管堵塞，到店清理一下就好，平时停车尽量避开树下。

**九问：车内有霉味怎么处理？**
检查空调滤芯和地毯是否受潮，必要时做一次空调系统清洁。

**十问：雨季前要做哪些检查？**
雨刮、灯光、轮胎、刹车、空调排水，这五项建议到店一起检查。

> 雨季前到店，可预约免费的五项安全检查，具体时间以门店安排为准。
`;

const DEMO_ARTICLES = [
  { title: YICHE_TITLE, body: YICHE_ARTICLE, channel: "yiche", owner: "copy@studio.local" },
  { title: WECHAT_TITLE, body: WECHAT_ARTICLE, channel: "wechat-official", owner: "copy2@studio.local" },
];

export async function seedArticlesDemo(options: DemoSeedOptions): Promise<void> {
  const { db, now } = options;
  applyArticleChannelRules(db, now);
  // The editor may edit a piece in any state before publishing, so the placeholders' bodies can
  // be replaced whatever the foundation walked them to.
  const editor = options.users.get("editor@studio.local");
  for (const article of DEMO_ARTICLES) {
    const owner: Actor | undefined = options.users.get(article.owner);
    if (!owner || !editor) continue;
    const placeholder = db
      .select()
      .from(schema.pieces)
      .where(and(eq(schema.pieces.kind, "article"), eq(schema.pieces.title, article.title)))
      .get();
    const input = { title: article.title, body: article.body, channel: article.channel };
    const result = placeholder
      ? updateArticle({
          db,
          actor: editor,
          pieceId: placeholder.id,
          input: { ...input, version: placeholder.version },
          now,
        })
      : createArticle({ db, actor: owner, input, now });
    if (!result.ok) throw new Error(`demo article ${article.title}: ${result.message}`);
  }
}
