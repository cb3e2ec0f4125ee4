// Reads every gold table of a lake with DuckDB the way a user of plain Parquet tools would:
// read_parquet over `gold/<table>/**/*.parquet` with hive_partitioning (no Delta reader
// involved). Prints one JSON object:
//   {"<table>": {"rows": n, "columns": n, "partition_types": ["BIGINT"]?}, ...}
// "partition_types" (partitioned facts only) lists DuckDB's types of the year column, so the caller
// can check that partition columns come back as integers. Usage: node read_gold.mjs LAKE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { requireNpm } from '../parquet_interop/common.mjs';

const { DuckDBInstance } = requireNpm('@duckdb/node-api');

const gold = path.join(process.argv[2], 'gold');
const db = await (await DuckDBInstance.create(':memory:')).connect();
const out = {};
for (const table of fs.readdirSync(gold).sort()) {
  const root = path.join(gold, table);
  const partitioned = fs.readdirSync(root).some((name) => name.startsWith('year='));
  const source = `read_parquet('${root}/**/*.parquet', hive_partitioning=true)`;
  const rows = await db.runAndReadAll(`SELECT count(*)::BIGINT AS n FROM ${source}`);
  const columns = await db.runAndReadAll(`DESCRIBE SELECT * FROM ${source}`);
  const entry = { rows: Number(rows.getRowObjects()[0].n), columns: columns.getRowObjects().length };
  if (partitioned) {
    const types = await db.runAndReadAll(`SELECT DISTINCT typeof(year) AS t FROM ${source}`);
    entry.partition_types = types.getRowObjects().map((r) => r.t);
  }
  out[table] = entry;
}
console.log(JSON.stringify(out));
