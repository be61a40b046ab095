import { describe, expect, it } from "vitest";
import { withBrowser } from "../setup/e2e-browser";
import { E2E_ADMIN } from "../setup/studio-server";

const { baseUrl, submitSignIn: signIn } = withBrowser();

describe("studio foundation in a real browser", () => {
  it("copywriter drafts and submits, editor approves, the list shows it approved", async () => {
    const title = `端到端测试文章 ${Date.now()}`;
    const copy = await signIn("copy@studio.local", "demo-copy-2026");
    await copy.waitForURL(`${baseUrl}/`);
    await copy.goto(`${baseUrl}/pieces/new`);
    await copy.fill('input[name="title"]', title);
    await copy.fill('textarea[name="body"]', "雨季出行前，先检查雨刮和轮胎。");
    await copy.click('[data-testid="save-piece"]');
    await copy.waitForURL(/\/pieces\/\d+$/);
    const pieceUrl = copy.url();
    await copy.click('[data-testid="transition-submit"]');
    await expect.poll(() => copy.locator('[data-status="in_review"]').count()).toBeGreaterThan(0);
    await copy.context().close();

    const editor = await signIn("editor@studio.local", "demo-editor-2026");
    await editor.waitForURL(`${baseUrl}/`);
    await expect.poll(() => editor.getByText(title).count()).toBeGreaterThan(0);
    await editor.goto(pieceUrl);
    await editor.click('[data-testid="transition-approve"]');
    await expect.poll(() => editor.locator('[data-status="approved"]').count()).toBeGreaterThan(0);
    await editor.goto(`${baseUrl}/pieces?status=approved`);
    const row = editor.locator('[data-testid="pieces-table"] tr', { hasText: title });
    await expect.poll(() => row.count()).toBe(1);
    expect(await row.locator("[data-status]").getAttribute("data-status")).toBe("approved");
    await editor.context().close();
  });

  it("tells a wrong password at the field and stays on the sign-in page", async () => {
    const page = await signIn("editor@studio.local", "not-the-password");
    await expect.poll(() => page.getByText("邮箱或密码不正确").count()).toBe(1);
    expect(new URL(page.url()).pathname).toBe("/login");
    await page.context().close();
  });

  it("refuses a copywriter the admin pages with 403 and hides them from the navigation", async () => {
    const page = await signIn("copy@studio.local", "demo-copy-2026");
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.locator('nav a[href="/admin/users"]').count()).toBe(0);
    const response = await page.goto(`${baseUrl}/admin/users`);
    expect(response?.status()).toBe(403);
    expect(await page.getByTestId("error-message").textContent()).toContain("无权");
    await page.context().close();
  });

  it("shows each user's real state as a badge and switches it with a button", async () => {
    const admin = await signIn(E2E_ADMIN.email, E2E_ADMIN.password);
    await admin.waitForURL(`${baseUrl}/`);
    await admin.goto(`${baseUrl}/admin/users`);
    const states = await admin.getByTestId("user-state").allTextContents();
    expect(states.length).toBeGreaterThan(3);
    // The demo's people are all active: none reads 已停用 (a form checkbox's label once did).
    expect(new Set(states)).toEqual(new Set(["正常"]));

    // A person of this test's own (other browser tests sign in as the demo's people meanwhile).
    const email = `state-${Date.now()}@studio.local`;
    const invite = admin.locator("form").filter({ has: admin.getByRole("button", { name: "邀请用户" }) });
    await invite.getByLabel("Email").fill(email);
    await invite.getByLabel("姓名").fill("状态测试");
    // The multi-select's box takes the click for its input.
    await invite.locator(".mantine-MultiSelect-input").click();
    await admin.getByRole("option", { name: "数据", exact: true }).and(admin.locator(":visible")).click();
    await admin.keyboard.press("Escape");
    await invite.getByRole("button", { name: "邀请用户" }).click();
    const password = (await admin.getByTestId("one-time-password").locator("code").textContent())!;
    const row = admin.locator(`[data-testid="user-row"][data-email="${email}"]`);
    expect(await row.getByTestId("user-state").textContent()).toBe("正常");

    await row.getByTestId("toggle-user").click();
    await expect.poll(() => row.getByTestId("user-state").textContent()).toBe("已停用");
    expect(await row.getByTestId("toggle-user").textContent()).toBe("重新启用");
    // Disabled: the sign-in is refused like a wrong password (it does not tell who exists).
    const refused = await signIn(email, password);
    await expect.poll(() => refused.getByText("邮箱或密码不正确").count()).toBe(1);
    expect(new URL(refused.url()).pathname).toBe("/login");
    await refused.context().close();

    await row.getByTestId("toggle-user").click();
    await expect.poll(() => row.getByTestId("user-state").textContent()).toBe("正常");
    expect(await row.getByTestId("toggle-user").textContent()).toBe("停用");
    await admin.context().close();
  });

  it("switches the interface to English and back", async () => {
    const page = await signIn("editor@studio.local", "demo-editor-2026");
    await page.waitForURL(`${baseUrl}/`);
    expect(await page.locator("nav").textContent()).toContain("内容");
    await page.click('[data-testid="language-switch"]');
    await expect.poll(async () => page.locator("nav").textContent()).toContain("Pieces");
    await page.click('[data-testid="language-switch"]');
    await expect.poll(async () => page.locator("nav").textContent()).toContain("内容");
    await page.context().close();
  });
});
