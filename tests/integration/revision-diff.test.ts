import { describe, expect, it } from "vitest";
import { getRevisionChange } from "~/modules/pieces/get-revision-change.server";
import { updatePiece } from "~/modules/pieces/update-piece.server";
import { workflowPiece } from "../setup/pieces";
import { signedInUser, withTestStudio } from "../setup/test-studio";

const t = withTestStudio();

describe("revision diff", () => {
  it("shows the lines two revisions share as unchanged and marks the characters changed in a line", async () => {
    const { actor: owner } = await signedInUser(t.studio, ["copywriter"]);
    const { actor: editor } = await signedInUser(t.studio, ["editor"]);
    // The first body came from another editor: CRLF line ends and no final newline.
    const piece = workflowPiece(t.studio, {
      owner,
      editor,
      kind: "article",
      title: "雨季用车",
      body: "小字：价格以店内为准\r\n雨刮每年换一次\r\n轮胎纹深不少于 1.6 毫米",
      status: "draft",
    });
    const saved = updatePiece({
      db: t.studio.db,
      actor: owner,
      pieceId: piece.id,
      input: {
        version: 1,
        title: "雨季用车",
        body: "小字：价格以店内为准\n雨刮每半年换一次\n轮胎纹深不少于 1.6 毫米\n到店报暗号“秒懂”\n",
      },
      now: t.studio.now(),
    });
    expect(saved.ok).toBe(true);

    const change = getRevisionChange({ db: t.studio.db, pieceId: piece.id });
    expect(change?.version).toBe(2);
    expect(change?.diff).toEqual({
      tooLarge: false,
      lines: [
        { kind: "same", text: "小字：价格以店内为准" },
        { kind: "removed", text: "雨刮每年换一次", segments: [{ text: "雨刮每年换一次", changed: false }] },
        {
          kind: "added",
          text: "雨刮每半年换一次",
          segments: [
            { text: "雨刮每", changed: false },
            { text: "半", changed: true },
            { text: "年换一次", changed: false },
          ],
        },
        { kind: "same", text: "轮胎纹深不少于 1.6 毫米" },
        { kind: "added", text: "到店报暗号“秒懂”" },
      ],
    });
  });
});
