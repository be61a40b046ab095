// UI strings of the livestream capability, under the "livestream" key: t("livestream.someKey").
export const livestreamZh = {};
export const livestreamEn: { [K in keyof typeof livestreamZh]: unknown } = {};
