import { expect, it } from "vitest";
import { withBrowser } from "../setup/e2e-browser";
import { E2E_ADMIN } from "../setup/studio-server";

const { baseUrl, signIn } = withBrowser();

it("adds a WeCom robot, shows its address masked, and leaves no key in any field", async () => {
  const page = await signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`${baseUrl}/admin/wecom`);
  const key = "e2e-robot-key-7f3c9a1d";
  const add = page.getByTestId("wecom-add");
  await add.getByLabel("群名称").fill("浏览器测试群");
  await add.getByLabel("Webhook 地址").fill(`https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=${key}`);
  await add.getByLabel("编辑").check();
  // Off: nothing is sent to the group from the test.
  await add.getByLabel("启用推送").uncheck();
  await add.getByRole("button", { name: "添加机器人" }).click();

  const robot = page.getByTestId("wecom-robot").filter({ hasText: "浏览器测试群" });
  await expect.poll(() => robot.count()).toBe(1);
  // The saved address is shown masked; the add form is empty again for the next robot.
  expect(await robot.textContent()).toContain("key=****9a1d");
  await expect.poll(() => add.getByLabel("群名称").inputValue()).toBe("");
  expect(await add.getByLabel("Webhook 地址").inputValue()).toBe("");
  expect(await add.getByLabel("编辑").isChecked()).toBe(false);
  // No field and no text of the page holds the key.
  const values = await page
    .locator("input")
    .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
  expect(values.join(" ")).not.toContain(key);
  expect(await page.content()).not.toContain(key);
  await page.context().close();
});

it("empties the token form once a token is made", async () => {
  const page = await signIn(E2E_ADMIN.email, E2E_ADMIN.password);
  await page.goto(`${baseUrl}/admin/tokens`);
  const tokenName = page.getByRole("textbox", { name: "名称" });
  await tokenName.fill("浏览器测试令牌");
  await page.getByRole("textbox", { name: "代表用户" }).click();
  await page.getByRole("option").first().click();
  await page.getByRole("button", { name: "新建" }).click();
  await expect.poll(() => page.getByTestId("new-token").count()).toBe(1);
  await expect.poll(() => tokenName.inputValue()).toBe("");
  await page.context().close();
});
