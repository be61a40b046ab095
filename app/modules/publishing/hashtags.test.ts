import { expect, it } from "vitest";
import { captionHashtags } from "./hashtags";

it("reads hashtags up to a space or the next #, full-width # included, each once", () => {
  expect(captionHashtags("雨季开车注意 #用车技巧 #雨季#安全 ＃老司机 #用车技巧")).toEqual([
    "用车技巧",
    "雨季",
    "安全",
    "老司机",
  ]);
  expect(captionHashtags("没有话题")).toEqual([]);
});
