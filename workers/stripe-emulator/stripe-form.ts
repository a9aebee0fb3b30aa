/**
 * Stripe's request encoding: `application/x-www-form-urlencoded` with brackets for nesting, as the
 * SDK writes it (`metadata[orderId]=o1`, `payment_method_types[0]=card`,
 * `automatic_payment_methods[enabled]=true`). Every leaf is a string; the endpoint decides what
 * it means, like Stripe does.
 */
export type FormValue = string | FormValue[] | { [key: string]: FormValue };
export type FormParams = { [key: string]: FormValue };

/** `a[b][0]` -> `["a", "b", "0"]`; a key without brackets is one segment. */
function segmentsOf(key: string): string[] {
  const open = key.indexOf("[");
  if (open <= 0) return [key];
  const rest = [...key.slice(open).matchAll(/\[([^\]]*)\]/g)].map((m) => m[1] ?? "");
  return [key.slice(0, open), ...rest];
}

function isIndex(segment: string): boolean {
  return segment === "" || /^\d+$/.test(segment);
}

/** Decodes a form body (or query string) into nested params. Later duplicates win. */
export function parseStripeForm(body: string): FormParams {
  const root: FormParams = {};
  for (const [key, value] of new URLSearchParams(body)) {
    const path = segmentsOf(key);
    let node: FormParams | FormValue[] = root;
    for (let i = 0; i < path.length; i++) {
      const segment = path[i] as string;
      const last = i === path.length - 1;
      const nextIsIndex = !last && isIndex(path[i + 1] as string);
      if (Array.isArray(node)) {
        const index = segment === "" ? node.length : Number(segment);
        if (last) node[index] = value;
        else {
          const existing: FormValue | undefined = node[index];
          const child: FormValue =
            existing !== undefined && typeof existing !== "string" ? existing : nextIsIndex ? [] : {};
          node[index] = child;
          node = child as FormParams | FormValue[];
        }
      } else if (last) {
        node[segment] = value;
      } else {
        const existing: FormValue | undefined = node[segment];
        const child: FormValue =
          existing !== undefined && typeof existing !== "string" ? existing : nextIsIndex ? [] : {};
        node[segment] = child;
        node = child as FormParams | FormValue[];
      }
    }
  }
  return root;
}

/** Params as canonical JSON (keys sorted): equal requests give equal text, whatever the order. */
export function canonicalParams(value: FormValue | FormParams): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map((v) => canonicalParams(v ?? "")).join(",")}]`;
  const keys = Object.keys(value).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalParams(value[k] as FormValue)}`).join(",")}}`;
}
