// Reads every silver table of a lake the way a user of plain Parquet tools would: DuckDB
// read_parquet with hive_partitioning and Polars scanParquet with hivePartitioning, over a glob of
// the table folder (no Delta reader involved). Prints one JSON object:
//   {"<table>": {"duckdb": rows, "polars": rows, "years": [..]?}, ...}
// where "years" lists the distinct year partition values DuckDB saw (facts only), so the caller
// can check that partition columns come back as integers. Usage: node read_silver.mjs LAKE_DIR
import fs from 'node:fs';
import path from 'node:path';
import { requireNpm } from '../parquet_interop/common.mjs';

const { DuckDBInstance } = requireNpm('@duckdb/node-api');
const pl = requireNpm('nodejs-polars');

const silver = path.join(process.argv[2], 'silver');
const db = await (await DuckDBInstance.create(':memory:')).connect();
const out = {};
for (const table of fs.readdirSync(silver).sort()) {
  const root = path.join(silver, table);
  const partitioned = fs.readdirSync(root).some((name) => name.startsWith('year='));
  const glob = partitioned ? `${root}/year=*/month=*/*.parquet` : `${root}/*.parquet`;
  const hive = partitioned ? 'true' : 'false';
  const rows = await db.runAndReadAll(
    `SELECT count(*)::BIGINT AS n FROM read_parquet('${glob}', hive_partitioning=${hive})`);
  const entry = { duckdb: Number(rows.getRowObjects()[0].n) };
  if (partitioned) {
    const years = await db.runAndReadAll(
      `SELECT DISTINCT typeof(year) AS t, year, month FROM read_parquet('${glob}', hive_partitioning=true) ORDER BY year, month`);
    const objs = years.getRowObjects();
    entry.partition_types = [...new Set(objs.map((r) => r.t))];
    entry.partitions = objs.length;
  }
  const frame = pl.scanParquet(glob, { hivePartitioning: partitioned }).collectSync();
  entry.polars = frame.height;
  if (partitioned) entry.polars_has_year = frame.columns.includes('year') && frame.columns.includes('month');
  out[table] = entry;
}
console.log(JSON.stringify(out));
