import { z } from 'zod';

/** The result of `db.execute(sql`…`)`: its rows, each checked against `row`. */
export const RowsSchema = <T extends z.ZodType>(row: T) => z.object({ rows: z.array(row) });
