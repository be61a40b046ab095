import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { afterAll, expect, it } from "vitest";
import { startServer, type RunningServer } from "../setup/studio-server";

let server: RunningServer | undefined;
afterAll(async () => {
  await server?.stop();
  if (server) fs.rmSync(server.dataDir, { recursive: true, force: true });
});

const mode = (file: string) => fs.statSync(file).mode & 0o777;

it("creates the data directory, secrets and a generated admin on first start, and seeds only once", async () => {
  server = await startServer({ env: { ADMIN_EMAIL: "", ADMIN_PASSWORD: "" } });
  const { dataDir } = server;
  const adminFile = path.join(dataDir, "initial-admin.txt");
  expect(mode(adminFile)).toBe(0o600);
  expect(mode(path.join(dataDir, "session-secret"))).toBe(0o600);
  expect(mode(path.join(dataDir, "data-key"))).toBe(0o600);
  const password = /password: (\S+)/.exec(fs.readFileSync(adminFile, "utf8"))![1];
  expect(fs.readFileSync(adminFile, "utf8")).toContain("admin@studio.local");
  expect(server.output()).toContain(password);

  // The generated password signs in (and then asks to be changed).
  const login = await fetch(`${server.baseUrl}/login`, {
    method: "POST",
    body: new URLSearchParams({ email: "admin@studio.local", password }),
    redirect: "manual",
  });
  expect(login.status).toBe(302);
  const cookie = login.headers.get("set-cookie")!.split(";")[0];
  const home = await fetch(`${server.baseUrl}/pieces`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(home.headers.get("location")).toBe("/account");

  const counts = () => {
    const db = new Database(path.join(dataDir, "studio.sqlite"), { readonly: true });
    const row = db
      .prepare(
        "select (select count(*) from pieces) pieces, (select count(*) from users) users, (select count(*) from campaigns) campaigns",
      )
      .get();
    db.close();
    return row;
  };
  const first = counts();
  expect(first).toMatchObject({ campaigns: 12 });

  // A second start on the same data directory keeps the admin and seeds nothing twice.
  await server.stop();
  const secret = fs.readFileSync(path.join(dataDir, "session-secret"), "utf8");
  server = await startServer({ dataDir, env: { ADMIN_EMAIL: "", ADMIN_PASSWORD: "" } });
  expect(counts()).toEqual(first);
  expect(fs.readFileSync(path.join(dataDir, "session-secret"), "utf8")).toBe(secret);
  expect(server.output()).not.toContain("Admin account created");
  // Sessions survive the restart: they live in the database, signed with the kept secret.
  const again = await fetch(`${server.baseUrl}/account`, { headers: { Cookie: cookie }, redirect: "manual" });
  expect(again.status).toBe(200);
});
