/**
 * Deterministic dealership-style filler copy for the originality tests and benchmark: sentences
 * of words drawn from a fixed vocabulary by a seeded generator, so two seeds give texts that share
 * words but (almost) never a run of a dozen characters. Pure.
 */

const WORDS = (
  "车主 新车 试驾 保养 维修 原厂 配件 机油 轮胎 刹车 底盘 发动机 变速箱 四驱 混动 纯电 续航 电池 " +
  "充电桩 快充 慢充 空调 座椅 后排 空间 后备厢 油耗 动力 扭矩 马力 操控 悬架 转向 安全 气囊 " +
  "车身 钢板 车道 保持 自适应 巡航 泊车 雷达 影像 中控 大屏 语音 导航 音响 氛围灯 天窗 内饰 " +
  "真皮 方向盘 仪表 外观 车漆 轮毂 灯组 尾灯 前脸 腰线 家用 通勤 长途 自驾 周末 雨季 冬季 " +
  "夏天 高温 涉水 积水 雪地 山路 高速 城市 拥堵 停车 车位 小区 门店 展厅 销售顾问 技师 夜班 " +
  "售后 客服 预约 到店 检测 报告 质保 延保 置换 补贴 金融 分期 首付 月供 贷款 保险 上牌 " +
  "提车 交付 验车 磨合 里程 公里 年限 衰减 更换 清洗 打蜡 镀晶 贴膜 玻璃 雨刮 滤芯 火花塞 " +
  "电瓶 冷却液 刹车油 胎压 胎纹 四轮定位 动平衡 噪音 异响 抖动 故障灯 仪表盘 钥匙 遥控 启动 " +
  "熄火 怠速 加速 超车 并线 倒车 掉头 路口 红绿灯 斑马线 行人 孩子 家人 老人 朋友 同事 通勤族 " +
  "宝妈 年轻人 工程师 老师 医生 司机 车友 社群 直播间 短视频 海报 活动 优惠 礼包 抽奖 福利 " +
  "限时 专享 体验 课堂 讲解 对比 测评 实拍 案例 故事 经验 技巧 建议 提醒 注意 其实 很多人 " +
  "我们 大家 今天 这次 每一次 一定 可以 需要 记得 别忘了 特别 非常 真正 比较 更加 容易 放心"
).split(" ");

/** A small seeded generator (mulberry32): the same seed always gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** About `length` characters of sentences (8 to 20 words each), the same for the same seed. */
export function sampleCopy(seed: number, length: number): string {
  const random = seededRandom(seed);
  let text = "";
  while (text.length < length) {
    const words = 8 + Math.floor(random() * 13);
    for (let i = 0; i < words; i++) {
      text += WORDS[Math.floor(random() * WORDS.length)];
      if (i === Math.floor(words / 2)) text += "，";
    }
    text += "。";
  }
  return text.slice(0, length);
}
