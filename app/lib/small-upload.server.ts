import { MaxPartSizeExceededError, unstable_createMemoryUploadHandler } from "@remix-run/node";
import { parseMultipartFormData } from "./multipart.server";

/** Room for the multipart envelope and the form's other small fields in a declared length. */
const ENVELOPE_BYTES = 64 * 1024;

export type SmallUpload =
  { ok: true; form: FormData; file: File } | { ok: false; reason: "too_large" | "no_file" };

/**
 * A multipart body carrying one small file (an e-book image), held in memory. A declared length
 * over the cap is refused before anything is read, a part over it while it is read; the caller
 * turns `reason` into its own answer. Whether the bytes are what they claim is the use case's job.
 */
export async function readSmallUpload(
  request: Request,
  options: { maxBytes: number; field?: string },
): Promise<SmallUpload> {
  if (Number(request.headers.get("Content-Length") ?? 0) > options.maxBytes + ENVELOPE_BYTES)
    return { ok: false, reason: "too_large" };
  let form: FormData;
  try {
    form = await parseMultipartFormData(
      request,
      unstable_createMemoryUploadHandler({ maxPartSize: options.maxBytes }),
    );
  } catch (error) {
    if (error instanceof MaxPartSizeExceededError) return { ok: false, reason: "too_large" };
    throw error;
  }
  const file = form.get(options.field ?? "file");
  return !file || typeof file === "string" ? { ok: false, reason: "no_file" } : { ok: true, form, file };
}
