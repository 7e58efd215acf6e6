import { defineConfig } from 'drizzle-kit';

// drizzle-kit reads every module's tables and writes SQL migrations that we commit.
// Never edit a migration that has been applied anywhere; generate a new one instead.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/server/modules/*/*.tables.ts',
  out: './src/server/db/migrations',
  casing: 'snake_case',
  strict: true,
});
