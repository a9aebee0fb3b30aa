/** A CSV text that cannot be read as records, with the line where reading stopped. */
export class CsvError extends Error {
  constructor(
    message: string,
    readonly line: number,
  ) {
    super(`${message} (line ${line})`);
    this.name = "CsvError";
  }
}

/** One CSV record: its fields and the line it starts on (quoted fields may span lines). */
export interface CsvRecord {
  fields: string[];
  line: number;
}

/**
 * Parses CSV as RFC 4180 writes it, and as spreadsheets export it: comma-separated fields,
 * fields in double quotes may hold commas, line breaks and doubled quotes (`""` is one `"`);
 * records end in LF, CRLF or CR; a leading byte-order mark is skipped; blank lines are skipped.
 * A quote inside an unquoted field is kept as text (`5" screen`). Throws `CsvError` for a quoted
 * field that never closes or text right after a closing quote.
 */
export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  let record: string[] = [];
  let field = "";
  let inQuotes = false;
  let closedQuote = false;
  let line = 1;
  let recordLine = 1;

  const endField = () => {
    record.push(field);
    field = "";
    closedQuote = false;
  };
  const endRecord = () => {
    endField();
    records.push({ fields: record, line: recordLine });
    record = [];
  };

  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (inQuotes) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        inQuotes = false;
        closedQuote = true;
      } else {
        if (ch === "\n" || (ch === "\r" && text[i + 1] !== "\n")) line++;
        field += ch;
      }
      i++;
      continue;
    }
    if (ch === ",") {
      endField();
    } else if (ch === "\n" || ch === "\r") {
      // A record that is only one empty, unquoted field is a blank line.
      if (record.length > 0 || field !== "" || closedQuote) endRecord();
      if (ch === "\r" && text[i + 1] === "\n") i++;
      line++;
      recordLine = line;
    } else if (closedQuote) {
      throw new CsvError("Unexpected text after a closing quote; quote the whole field", line);
    } else if (ch === '"' && field === "") {
      inQuotes = true;
    } else {
      field += ch;
    }
    i++;
  }
  if (inQuotes) throw new CsvError("A quoted field is never closed", recordLine);
  if (field !== "" || closedQuote || record.length > 0) endRecord();
  return records;
}
