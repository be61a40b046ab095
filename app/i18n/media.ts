// UI strings of the media capability, under the "media" key: t("media.someKey").
export const mediaZh = {};
export const mediaEn: { [K in keyof typeof mediaZh]: unknown } = {};
