import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { demoShowScriptInput } from "~/modules/livestream/demo-show-script";
import { withBrowser } from "../setup/e2e-browser";

/** Each person signs in in their own browser context, as on two devices. */
const { baseUrl, signIn } = withBrowser();

/**
 * The demo script without the words the term library sends to a reviewer's justification
 * (厂价直销, 底价), so an editor can approve it at once.
 */
const showInput = (title: string) =>
  demoShowScriptInput({
    title,
    opening: "家人们晚上好！欢迎来到年中粉丝日，五款车型限时优惠，还有三轮红包雨。",
    cta: "想了解优惠的家人，点击下方小程序留下电话，顾问尽快联系你。",
    closing: "今晚就到这里，我们下次直播见！",
  });

/** A fresh show for each test, so the tests do not depend on the demo show's state. */
async function createShow(producer: Page, title: string): Promise<number> {
  const response = await producer.request.post(`${baseUrl}/api/v1/livestreams`, {
    data: showInput(title),
  });
  expect(response.status()).toBe(201);
  return ((await response.json()) as { id: number }).id;
}

/**
 * A show goes live only from an approved script; these scripts repeat the demo's products, which
 * the originality check holds for a justification, so the editor takes the show live with a
 * reason instead (the override, audited).
 */
async function goLive(id: number, options: { viaConsole?: boolean } = {}) {
  const editor = await signIn("editor@studio.local", "demo-editor-2026");
  if (!options.viaConsole) {
    const response = await editor.request.post(`${baseUrl}/api/v1/livestreams/${id}/commands`, {
      data: { type: "start", overrideReason: "浏览器测试：脚本已口头确认" },
    });
    expect(response.status(), await response.text()).toBe(200);
    await editor.context().close();
    return;
  }
  await editor.goto(`${baseUrl}/livestreams/${id}/control`);
  await expect.poll(() => attr(editor, "producer-console", "data-status")).toBe("idle");
  // The editor watches the console: the producer's keys are theirs alone.
  expect(await editor.getByTestId("console-watch-only").count()).toBe(1);
  expect(await editor.getByTestId("console-start").isDisabled()).toBe(true);
  await editor.getByTestId("console-override").click();
  await editor.getByTestId("console-override-reason").fill("浏览器测试：脚本已口头确认");
  await editor.getByTestId("console-override-submit").click();
  await expect.poll(() => attr(editor, "producer-console", "data-status")).toBe("running");
  await editor.context().close();
}

const attr = (page: Page, testId: string, name: string) => page.getByTestId(testId).getAttribute(name);

describe("livestream in a real browser", () => {
  it("builder refuses a 6th product with a clear message and shows the run of show", async () => {
    const producer = await signIn("producer@studio.local", "demo-producer-2026");
    const id = await createShow(producer, `商品上限测试 ${Date.now()}`);
    await producer.goto(`${baseUrl}/livestreams/${id}`);
    await expect
      .poll(() => producer.getByTestId("run-of-show").locator("tbody tr").count())
      .toBeGreaterThan(10);
    expect(await producer.getByTestId("run-ok").count()).toBe(1);
    for (let i = 0; i < 3; i++) await producer.getByTestId("add-product").click();
    await expect.poll(() => producer.locator('[data-testid^="product-"]').count()).toBe(5);
    expect(await producer.getByTestId("products-error").count()).toBe(0);
    await producer.getByTestId("add-product").click();
    await expect.poll(() => producer.getByTestId("products-error").textContent()).toContain("最多 5 个商品");
    expect(await producer.locator('[data-testid^="product-"]').count()).toBe(5);

    // A reviewer's comment on a block is shown to the owner where they edit the show.
    const editor = await signIn("editor@studio.local", "demo-editor-2026");
    const commented = await editor.request.post(`${baseUrl}/api/v1/pieces/${id}/comments`, {
      data: { anchor: { kind: "block", id: "opening" }, body: "开场再短一点，先报今天的福利" },
    });
    expect(commented.status(), await commented.text()).toBe(201);
    await editor.context().close();
    await producer.reload();
    await expect
      .poll(() => producer.getByTestId("comments-panel").textContent())
      .toContain("开场再短一点，先报今天的福利");
    await producer.context().close();
  });

  it("moves the host's prompter with each of the producer's clicks, in order, and catches up after a dropped connection", async () => {
    const producer = await signIn("producer@studio.local", "demo-producer-2026");
    const id = await createShow(producer, `同步测试 ${Date.now()}`);
    const host = await signIn("host@studio.local", "demo-host-2026", { width: 1280, height: 800 });
    // Keep a handle on the page's event streams so the test can cut the open one.
    await host.addInitScript(() => {
      const w = window as unknown as { __eventSources: EventSource[]; EventSource: typeof EventSource };
      const Native = w.EventSource;
      w.__eventSources = [];
      w.EventSource = class extends Native {
        constructor(url: string | URL, init?: EventSourceInit) {
          super(url, init);
          w.__eventSources.push(this);
        }
      };
    });

    await producer.goto(`${baseUrl}/livestreams/${id}/control`);
    await host.goto(`${baseUrl}/livestreams/${id}/prompter`);
    await expect
      .poll(() => producer.getByTestId("producer-console").getAttribute("data-status"))
      .toBe("idle");
    await expect.poll(() => attr(host, "teleprompter", "data-status")).toBe("idle");
    // The host may read but not drive: the host's page has no command keys.
    expect(await host.getByText("空格 暂停/继续").count()).toBe(0);

    await goLive(id);
    await expect.poll(() => attr(host, "teleprompter", "data-status")).toBe("running");

    // Record on the prompter every block it shows, in the order it shows them.
    await host.evaluate(() => {
      const w = window as unknown as { __blockChanges: Array<string | null> };
      w.__blockChanges = [];
      const el = document.querySelector('[data-testid="teleprompter"]')!;
      new MutationObserver(() => w.__blockChanges.push(el.getAttribute("data-block-index"))).observe(el, {
        attributes: true,
        attributeFilter: ["data-block-index"],
      });
    });

    // Each click is pushed to the host's screen, which then shows the producer's block.
    const next = async (expected: number) => {
      await expect.poll(() => producer.getByTestId("console-next").isEnabled()).toBe(true);
      await producer.getByTestId("console-next").click();
      await expect
        .poll(() => attr(host, "teleprompter", "data-block-index"), { timeout: 5000 })
        .toBe(String(expected));
      await expect.poll(() => attr(producer, "producer-console", "data-block-index")).toBe(String(expected));
      const producerBlock = await producer.getByTestId("console-block").textContent();
      await expect.poll(() => host.getByTestId("prompter-block").textContent()).toBe(producerBlock);
    };
    for (let i = 1; i <= 8; i++) await next(i);
    // Every event reached the prompter once and in order: no block skipped, repeated or reordered.
    const shown = await host.evaluate(
      () => (window as unknown as { __blockChanges: Array<string | null> }).__blockChanges,
    );
    expect(shown).toEqual(["1", "2", "3", "4", "5", "6", "7", "8"]);
    expect(await host.getByTestId("prompter-block").textContent()).toContain("互动");

    // The host's connection drops: the network goes away and the open stream dies with it
    // (the emulated offline mode only refuses new requests, so the open stream is failed by hand).
    await host.context().setOffline(true);
    await host.route("**/livestreams/*/events", (route) => route.abort("internetdisconnected"));
    await host.evaluate(() => {
      for (const source of (window as unknown as { __eventSources: EventSource[] }).__eventSources) {
        source.close();
        source.dispatchEvent(new Event("error"));
      }
    });
    await expect.poll(() => host.getByTestId("stale-banner").count(), { timeout: 10_000 }).toBe(1);
    expect(await host.getByTestId("stale-banner").textContent()).toContain("连接已中断");
    // The local clock keeps counting from the last reference points.
    const before = await host.getByTestId("prompter-countdown").textContent();
    await host.waitForTimeout(1100);
    expect(await host.getByTestId("prompter-countdown").textContent()).not.toBe(before);

    await producer.getByTestId("console-next").click();
    await expect
      .poll(() => producer.getByTestId("producer-console").getAttribute("data-block-index"))
      .toBe("9");
    await producer.getByTestId("console-plus30").click();
    await expect.poll(() => producer.getByTestId("console-block").textContent()).toContain("第2轮");
    expect(await attr(host, "teleprompter", "data-block-index")).toBe("8");

    const reconnectStarted = Date.now();
    await host.unroute("**/livestreams/*/events");
    await host.context().setOffline(false);
    await expect.poll(() => attr(host, "teleprompter", "data-block-index"), { timeout: 10_000 }).toBe("9");
    await expect.poll(() => host.getByTestId("stale-banner").count(), { timeout: 10_000 }).toBe(0);
    console.log(`prompter caught up ${Date.now() - reconnectStarted} ms after the connection came back`);
    expect(await host.getByTestId("prompter-block").textContent()).toBe(
      await producer.getByTestId("console-block").textContent(),
    );

    await producer.context().close();
    await host.context().close();
  });

  it("arms the red-envelope rain at a peak of 3000 and shows the 90 s countdown on the host's screen", async () => {
    const producer = await signIn("producer@studio.local", "demo-producer-2026");
    const id = await createShow(producer, `红包雨测试 ${Date.now()}`);
    const host = await signIn("host@studio.local", "demo-host-2026", { width: 390, height: 844 });
    await producer.goto(`${baseUrl}/livestreams/${id}/control`);
    await host.goto(`${baseUrl}/livestreams/${id}/prompter`);
    await expect.poll(() => attr(host, "teleprompter", "data-status")).toBe("idle");
    const loadedCount = Number(await attr(host, "teleprompter", "data-block-count"));

    // The script changes after the screens loaded: going live freezes the new blocks, and both
    // screens reload them instead of pointing into the old list.
    const third = {
      name: "楼兰",
      painPoint: "七座车开起来像开船？",
      sellingPoint: "楼兰底盘扎实，三排都坐得舒服，长途不累。",
      perk: "今晚下定送全年保养。",
    };
    const base = showInput(`红包雨测试 ${id}`);
    const put = await producer.request.put(`${baseUrl}/api/v1/livestreams/${id}`, {
      data: { ...base, products: [...base.products, third] },
    });
    expect(put.status()).toBe(200);
    // Not approved yet: the start is refused with the reason, and the show stays idle.
    await producer.getByTestId("console-start").click();
    await expect.poll(() => producer.getByTestId("console-error").textContent()).toContain("尚未审核通过");
    expect(await attr(host, "teleprompter", "data-status")).toBe("idle");
    await goLive(id);
    await expect.poll(() => attr(host, "teleprompter", "data-status")).toBe("running");
    const state = (await (
      await producer.request.get(`${baseUrl}/api/v1/livestreams/${id}/state`)
    ).json()) as { state: { blockCount: number } };
    expect(state.state.blockCount).not.toBe(loadedCount);
    await expect
      .poll(() => attr(host, "teleprompter", "data-block-count"))
      .toBe(String(state.state.blockCount));
    await expect
      .poll(() => producer.getByTestId("run-list").locator("tbody tr").count())
      .toBe(state.state.blockCount);

    await producer.getByTestId("console-online-input").fill("2999");
    await producer.getByTestId("console-online-submit").click();
    await expect.poll(() => producer.getByTestId("console-peak").textContent()).toBe("2,999");
    expect(await producer.getByTestId("console-red-envelope").count()).toBe(0);

    await producer.getByTestId("console-online-input").fill("3200");
    await producer.getByTestId("console-online-submit").click();
    await expect.poll(() => producer.getByTestId("console-fire").count()).toBe(1);
    await producer.getByTestId("console-fire").click();
    await expect.poll(() => host.getByTestId("prompter-red-envelope").count()).toBe(1);
    expect(await host.getByTestId("prompter-red-envelope").textContent()).toMatch(
      /红包雨 第 1\/3 轮.*1:(29|30)/,
    );
    await expect.poll(() => producer.getByTestId("console-red-envelope-active").count()).toBe(1);

    // Ending asks first (it cannot be undone); then both screens stop the round's countdown.
    await producer.getByTestId("console-end").click();
    await expect.poll(() => producer.getByRole("dialog").textContent()).toContain("不能恢复");
    await producer.getByTestId("console-end-cancel").click();
    expect(await attr(producer, "producer-console", "data-status")).toBe("running");
    await producer.getByTestId("console-end").click();
    await producer.getByTestId("console-end-confirm").click();
    await expect.poll(() => attr(host, "teleprompter", "data-status")).toBe("ended");
    await expect.poll(() => host.getByTestId("prompter-red-envelope").count()).toBe(0);
    expect(await producer.getByTestId("console-red-envelope-active").count()).toBe(0);
    await producer.context().close();
    await host.context().close();
  });

  it("shows the report with the online peak and the show's leads (none yet)", async () => {
    const producer = await signIn("producer@studio.local", "demo-producer-2026", { width: 390, height: 844 });
    const id = await createShow(producer, `报告测试 ${Date.now()}`);
    // The editor takes this one live from the console with a reason.
    await goLive(id, { viaConsole: true });
    for (const action of [{ type: "setOnline", count: 4321 }, { type: "next" }, { type: "end" }]) {
      const response = await producer.request.post(`${baseUrl}/api/v1/livestreams/${id}/commands`, {
        data: action,
      });
      expect(response.status()).toBe(200);
    }
    await producer.goto(`${baseUrl}/livestreams/${id}/report`);
    expect(await producer.getByTestId("report-peak").textContent()).toBe("4,321");
    expect(await producer.getByTestId("report-leads").textContent()).toBe("0");
    expect(await producer.getByTestId("show-log").locator("tbody tr").count()).toBe(4);
    const pdf = await producer.request.get(`${baseUrl}/livestreams/${id}/rundown.pdf`);
    expect(pdf.headers()["content-type"]).toBe("application/pdf");
    await producer.context().close();
  });
});
