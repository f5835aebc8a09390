import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { withFrontline } from "./fixture";
import { callApi, signIn as signInAs } from "./session";

// A small limit, so a file over it is quick to make and to send.
const MAX_BYTES = 100_000;

const app = withFrontline(() => ({ ATTACHMENT_MAX_BYTES: String(MAX_BYTES) }));

const signIn = (page: Page, email: string) => signInAs(page, app.frontline.url, email);

const PDF = Buffer.from("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
// A 1×1 transparent PNG.
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==",
  "base64",
);
// Windows programs start with "MZ"; the name alone is refused.
const EXE = Buffer.concat([Buffer.from("MZ"), Buffer.alloc(200)]);

async function openTicket(page: Page, subject: string) {
  const created = await callApi<{ data: { id: string } }>(page, app.frontline.url, "POST", "/tickets", {
    subject,
    requester: { email: "dan.ilie@example.com", name: "Dan Ilie" },
    message: { body: "The invoice you sent is missing the VAT number." },
  });
  await page.goto(`${app.frontline.url}/tickets/${created.data.id}`);
  await page.getByRole("heading", { name: subject }).waitFor();
  return created.data.id;
}

/** Drops or pastes files the way the browser delivers them: a DataTransfer holding File objects. */
async function deliverFiles(
  page: Page,
  selector: string,
  event: "drop" | "paste",
  files: { name: string; type: string; base64: string }[],
) {
  await page.evaluate(
    ({ selector, event, files }) => {
      const transfer = new DataTransfer();
      for (const f of files) {
        const bytes = Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0));
        transfer.items.add(new File([bytes], f.name, { type: f.type }));
      }
      const target = document.querySelector(selector);
      if (!target) throw new Error(`nothing matches ${selector}`);
      if (event === "paste") {
        target.dispatchEvent(new ClipboardEvent("paste", { clipboardData: transfer, bubbles: true, cancelable: true }));
      } else {
        for (const type of ["dragenter", "dragover", "drop"]) {
          target.dispatchEvent(new DragEvent(type, { dataTransfer: transfer, bubbles: true, cancelable: true }));
        }
      }
    },
    { selector, event, files },
  );
}

describe("an agent sends files with a reply", () => {
  it("attaches files by button, drop and paste, sends them, and the customer's copy downloads", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    await signIn(page, "agent@demo.test");
    const ticketId = await openTicket(page, `Invoice without VAT number ${Date.now()}`);

    // The first upload is held on its way to the server, so the box can be seen waiting for it.
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    await page.route(
      "**/api/v1/attachments",
      async (route) => {
        await held;
        await route.continue();
      },
      { times: 1 },
    );
    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Attach files" }).click();
    await (await chooser).setFiles([{ name: "invoice-2291.pdf", mimeType: "application/pdf", buffer: PDF }]);
    const files = page.getByRole("list", { name: "Files to send" });
    const pdf = files.getByRole("listitem", { name: "invoice-2291.pdf" });
    // Attached, not visible: at 0 % the bar's filled part has no width yet.
    await pdf.getByRole("progressbar", { name: "Uploading invoice-2291.pdf" }).waitFor({ state: "attached" });
    const send = page.getByRole("button", { name: /^Send and set/ });
    await page.getByRole("textbox", { name: "Reply to the customer" }).fill("Here is the corrected invoice.");
    await expect(send.isDisabled()).resolves.toBe(true);
    await page.getByText("Wait until every file has uploaded.").waitFor();
    release();
    await pdf.getByRole("progressbar").waitFor({ state: "detached" });
    await expect(pdf.textContent()).resolves.toContain(`${PDF.length} B`);

    const textarea = 'textarea[aria-label="Reply to the customer"]';
    await deliverFiles(page, textarea, "drop", [
      { name: "screenshot.png", type: "image/png", base64: PNG.toString("base64") },
    ]);
    await deliverFiles(page, textarea, "paste", [
      { name: "image.png", type: "image/png", base64: PNG.toString("base64") },
    ]);
    await files.getByRole("listitem", { name: "screenshot.png" }).waitFor();
    await files.getByRole("listitem", { name: "image.png" }).waitFor();
    // Take the pasted one off again: it must not go with the reply.
    await page.getByRole("button", { name: "Remove image.png" }).click();
    await files.getByRole("listitem", { name: "image.png" }).waitFor({ state: "detached" });

    await expect.poll(() => send.isEnabled()).toBe(true);
    await expect(files.getByRole("progressbar").count()).resolves.toBe(0);
    await send.click();

    const conversation = page.getByRole("region", { name: "Conversation" });
    const sent = conversation.getByRole("article", { name: "Public reply" }).filter({ hasText: "corrected invoice" });
    await sent.waitFor();
    const attached = sent.getByRole("list", { name: "Attachments" });
    await expect(attached.getByRole("link").allTextContents()).resolves.toEqual(["invoice-2291.pdf", "screenshot.png"]);
    await files.waitFor({ state: "detached" });

    const download = page.waitForEvent("download");
    await attached.getByRole("link", { name: "Download invoice-2291.pdf" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("invoice-2291.pdf");
    expect(fs.readFileSync(await file.path())).toEqual(PDF);

    const messages = await callApi<{ data: { kind: string; attachments: { filename: string; size: number }[] }[] }>(
      page,
      app.frontline.url,
      "GET",
      `/tickets/${ticketId}/messages`,
    );
    expect(messages.data.at(-1)?.attachments.map((a) => [a.filename, a.size])).toEqual([
      ["invoice-2291.pdf", PDF.length],
      ["screenshot.png", PNG.length],
    ]);
  });

  it("shows why the server refused a program and a file that is too large, and sends without them", async () => {
    const page = await app.browser.newPage({ viewport: { width: 1280, height: 900 } });
    await signIn(page, "agent@demo.test");
    await openTicket(page, `Refused files ${Date.now()}`);

    const chooser = page.waitForEvent("filechooser");
    await page.getByRole("button", { name: "Attach files" }).click();
    await (await chooser).setFiles([
      { name: "setup.exe", mimeType: "application/octet-stream", buffer: EXE },
      { name: "export.csv", mimeType: "text/csv", buffer: Buffer.alloc(MAX_BYTES + 50_000, "a") },
    ]);
    const files = page.getByRole("list", { name: "Files to send" });
    const exe = files.getByRole("listitem", { name: "setup.exe" });
    await exe.getByRole("alert").waitFor();
    // Our words first, then the server's own reason.
    await expect(exe.getByRole("alert").innerText()).resolves.toMatch(
      /^This kind of file cannot be attached\.\n+\.exe files are not accepted$/,
    );
    const csv = files.getByRole("listitem", { name: "export.csv" });
    await csv.getByRole("alert").waitFor();
    await expect(csv.getByRole("alert").innerText()).resolves.toBe("This file is larger than the server accepts.");

    // Refused files hold nothing up: the reply goes without them, and the list clears.
    await page.getByRole("textbox", { name: "Reply to the customer" }).fill("Please send the export as a zip.");
    await page.getByRole("button", { name: /^Send and set/ }).click();
    const sent = page.getByRole("article", { name: "Public reply" }).filter({ hasText: "export as a zip" });
    await sent.waitFor();
    await expect(sent.getByRole("list", { name: "Attachments" }).count()).resolves.toBe(0);
    await files.waitFor({ state: "detached" });
  });
});
