import { defineConfig } from "drizzle-kit";

// One D1 database per owning domain: `DOMAIN=catalog npx drizzle-kit generate` (npm run db:generate
// does every domain). Migrations are flat `0000_name.sql` files that wrangler and readD1Migrations read.
const domain = process.env.DOMAIN ?? "identity";

export default defineConfig({
  dialect: "sqlite",
  schema: `./db/${domain}/schema.ts`,
  out: `./db/${domain}/migrations`,
});
