// UI strings of the ebooks capability, under the "ebooks" key: t("ebooks.someKey").
export const ebooksZh = {};
export const ebooksEn: { [K in keyof typeof ebooksZh]: unknown } = {};
