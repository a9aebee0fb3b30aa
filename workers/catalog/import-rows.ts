import { z } from "zod";
import { AppError, type FieldError } from "../shared/errors";
import { CsvError, parseCsv } from "./csv";
import {
  attributesSchema,
  brandSchema,
  currencySchema,
  minorUnitsSchema,
  optionsSchema,
  PRODUCT_STATUSES,
  skuSchema,
  slugSchema,
  VARIANT_STATUSES,
} from "./products.schemas";

/**
 * Reading a bulk import: the body (CSV or JSON) into rows, and the schema of one row. One row is
 * one variant (SKU) with the fields of its product.
 */

/** Rows one import may hold: thousands, with room for one D1 subrequest budget. */
export const MAX_IMPORT_ROWS = 10_000;
/** Largest import body. */
export const MAX_IMPORT_BYTES = 10 * 1024 * 1024;

/** The import's fields; CSV headers and JSON keys match them ignoring case, spaces, `_` and `-`. */
export const IMPORT_FIELDS = [
  "productSlug",
  "name",
  "description",
  "brand",
  "category",
  "featured",
  "status",
  "sellerId",
  "sku",
  "price",
  "currency",
  "options",
  "attributes",
  "variantStatus",
] as const;
type ImportField = (typeof IMPORT_FIELDS)[number];

const normalizeName = (name: string) => name.toLowerCase().replace(/[^a-z0-9]/g, "");
const FIELD_BY_NAME = new Map<string, ImportField>(IMPORT_FIELDS.map((f) => [normalizeName(f), f]));

/** One row as read: its 1-based position among data rows, its CSV line, its fields. */
export interface ImportInputRow {
  row: number;
  line?: number;
  fields: Record<string, unknown>;
  /** Set when the row cannot be read at all (too many cells, not an object). */
  problem?: FieldError;
}

/** CSV cells are text: "1999" and "19.99" become numbers, so the number rules explain the error. */
function numberCell(value: unknown): unknown {
  return typeof value === "string" && /^\s*-?\d+(\.\d+)?\s*$/.test(value) ? Number(value) : value;
}

function booleanCell(value: unknown): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim().toLowerCase();
  if (["true", "1", "yes", "y"].includes(text)) return true;
  if (["false", "0", "no", "n"].includes(text)) return false;
  return value;
}

const lowerCaseCell = (value: unknown) => (typeof value === "string" ? value.trim().toLowerCase() : value);

/** `size=M;colour=red` (or a JSON object, in CSV too) as an object; JSON rows send objects. */
function keyValueCell(value: unknown, ctx: z.RefinementCtx): unknown {
  if (typeof value !== "string") return value;
  const text = value.trim();
  if (text.startsWith("{")) {
    try {
      return JSON.parse(text) as unknown;
    } catch {
      ctx.addIssue({ code: "custom", message: "This looks like JSON but does not parse." });
      return value;
    }
  }
  const pairs: Record<string, string> = {};
  for (const part of text.split(";")) {
    if (part.trim() === "") continue;
    const eq = part.indexOf("=");
    if (eq <= 0) {
      ctx.addIssue({
        code: "custom",
        message: `Use key=value pairs separated by ';' (e.g. size=M;colour=red), not "${part.trim()}".`,
      });
      return value;
    }
    pairs[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return pairs;
}

/**
 * One import row. Only `productSlug` and `sku` are always required; a new SKU also needs
 * `price`, a new product `name` and `category` (checked against the catalog by the import).
 * Fields left out (or empty CSV cells) leave existing values as they are.
 */
export const importRowSchema = z.strictObject({
  productSlug: slugSchema,
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().trim().max(20_000).optional(),
  brand: brandSchema.optional(),
  category: slugSchema.optional(),
  featured: z.preprocess(booleanCell, z.boolean("Use true or false.")).optional(),
  status: z.preprocess(lowerCaseCell, z.enum(PRODUCT_STATUSES)).optional(),
  sellerId: z.string().trim().min(1).max(100).optional(),
  sku: skuSchema,
  price: z.preprocess(numberCell, minorUnitsSchema).optional(),
  currency: currencySchema.optional(),
  options: z.preprocess(keyValueCell, optionsSchema).optional(),
  attributes: z.preprocess(keyValueCell, attributesSchema).optional(),
  variantStatus: z.preprocess(lowerCaseCell, z.enum(VARIANT_STATUSES)).optional(),
});
export type ImportRow = z.infer<typeof importRowSchema>;

function unreadable(message: string): AppError {
  return new AppError("validation_failed", `The import cannot be read: ${message}`, {
    errors: [{ path: "(body)", message }],
  });
}

function tooLarge(): AppError {
  return new AppError(
    "payload_too_large",
    `An import holds at most ${MAX_IMPORT_ROWS} rows and ${MAX_IMPORT_BYTES / 1024 / 1024} MB; split it.`,
  );
}

/** Keys renamed to the import's spelling; empty values dropped (they mean "not given"). */
function normalizedFields(entries: [string, unknown][]): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  for (const [key, value] of entries) {
    if (value === null || value === undefined || (typeof value === "string" && value.trim() === "")) continue;
    fields[FIELD_BY_NAME.get(normalizeName(key)) ?? key] = value;
  }
  return fields;
}

function csvRows(text: string): ImportInputRow[] {
  let records: ReturnType<typeof parseCsv>;
  try {
    records = parseCsv(text);
  } catch (error) {
    if (error instanceof CsvError) throw unreadable(error.message);
    throw error;
  }
  const [header, ...data] = records;
  if (!header) throw unreadable("the CSV is empty; its first line must name the columns.");
  const names = header.fields.map((h) => h.trim());
  const unknown = names.filter((h) => h !== "" && !FIELD_BY_NAME.has(normalizeName(h)));
  if (unknown.length > 0) {
    throw unreadable(`unknown column(s) ${unknown.join(", ")}; the columns are ${IMPORT_FIELDS.join(", ")}.`);
  }
  const columns = names.map((h) => FIELD_BY_NAME.get(normalizeName(h)));
  const present = columns.filter((c) => c !== undefined);
  if (new Set(present).size !== present.length) throw unreadable("a column appears twice in the header.");
  if (!present.includes("productSlug") || !present.includes("sku")) {
    throw unreadable("the CSV needs at least the columns productSlug and sku.");
  }
  return data.map((record, i) => {
    const entries = record.fields.flatMap((cell, c): [string, unknown][] => {
      const column = columns[c];
      return column ? [[column, cell]] : [];
    });
    const extra = record.fields.length > names.length;
    return {
      row: i + 1,
      line: record.line,
      fields: normalizedFields(entries),
      ...(extra
        ? {
            problem: {
              path: "(row)",
              message: `This row has ${record.fields.length} cells but the header names ${names.length} columns.`,
            },
          }
        : {}),
    };
  });
}

function jsonRows(text: string): ImportInputRow[] {
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw new AppError("invalid_json", "The body is not valid JSON.");
  }
  const rows = Array.isArray(body)
    ? body
    : typeof body === "object" && body !== null && Array.isArray((body as { rows?: unknown }).rows)
      ? (body as { rows: unknown[] }).rows
      : null;
  if (!rows) throw unreadable('send a JSON array of rows, or {"rows": [...]}.');
  return rows.map((item, i) =>
    typeof item === "object" && item !== null && !Array.isArray(item)
      ? { row: i + 1, fields: normalizedFields(Object.entries(item)) }
      : { row: i + 1, fields: {}, problem: { path: "(row)", message: "A row must be a JSON object." } },
  );
}

const CSV_TYPES = new Set(["text/csv", "application/csv", "text/plain"]);
const JSON_TYPES = new Set(["application/json"]);

/**
 * The rows of an import request: `text/csv` with a header line, or JSON (`[...]` or
 * `{"rows": [...]}`). 400 when the body as a whole cannot be read, 413 when it is too big, 415
 * for another content type. Problems of single rows are left for the per-row report.
 */
export async function readImportRows(request: Request): Promise<ImportInputRow[]> {
  if (Number(request.headers.get("content-length") ?? 0) > MAX_IMPORT_BYTES) throw tooLarge();
  const type = (request.headers.get("content-type") ?? "").split(";")[0]!.trim().toLowerCase();
  const format = CSV_TYPES.has(type) ? "csv" : JSON_TYPES.has(type) ? "json" : null;
  if (!format) {
    throw new AppError("unsupported_media_type", "Send the import as text/csv or application/json.");
  }
  const text = await request.text();
  if (text.length > MAX_IMPORT_BYTES) throw tooLarge();
  const rows = format === "csv" ? csvRows(text) : jsonRows(text);
  if (rows.length > MAX_IMPORT_ROWS) throw tooLarge();
  return rows;
}
