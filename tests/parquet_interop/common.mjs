// Shared helpers for the Parquet interop scripts: loading the npm readers from the cache folder
// (UNWRAPPED_NPM_DIR, default ~/.cache/unwrapped-npm; scripts/install-npm-tools.sh fills it) and
// the canonical text form of values that both sides compare:
//   boolean "true"/"false"; int32, int64, date (days) and timestamp (µs) as decimal integers;
//   double as "NaN" or the 16 hex digits of its IEEE-754 bits (so -0.0 differs from 0.0);
//   string as itself; null as null.
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';

export const npmDir = process.env.UNWRAPPED_NPM_DIR || path.join(os.homedir(), '.cache', 'unwrapped-npm');
export const requireNpm = createRequire(path.join(npmDir, 'package.json'));

export function doubleBits(x) {
  if (Number.isNaN(x)) return 'NaN';
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  return view.getBigUint64(0).toString(16).padStart(16, '0');
}

export function canonical(type, v) {
  if (v === null || v === undefined) return null;
  switch (type) {
    case 'boolean': return typeof v === 'string' ? v : v ? 'true' : 'false';
    case 'double': return doubleBits(Number(v));
    case 'string': return String(v);
    default: return typeof v === 'bigint' ? v.toString() : String(v);
  }
}

// Floor division for BigInt (BigInt `/` truncates toward zero).
export function floorDiv(a, b) {
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

// DuckDB SQL literals that keep filters push-down friendly (typed constants, no functions on
// the column).
export function sqlLiteral(type, text) {
  switch (type) {
    case 'boolean': return text === 'true' ? 'true' : 'false';
    case 'int32': return `CAST('${text}' AS INTEGER)`;
    case 'int64': return `CAST('${text}' AS BIGINT)`;
    case 'double': return `CAST('${text}' AS DOUBLE)`;
    case 'string': return `'${text.replaceAll("'", "''")}'`;
    case 'date': return `DATE '${new Date(Number(text) * 86400000).toISOString().slice(0, 10)}'`;
    case 'timestamp': {
      const micros = BigInt(text);
      const millis = floorDiv(micros, 1000n);
      const iso = new Date(Number(millis)).toISOString();  // 2020-09-13T12:26:40.123Z
      const sub = (micros - millis * 1000n).toString().padStart(3, '0');
      return `TIMESTAMPTZ '${iso.slice(0, 10)} ${iso.slice(11, 23)}${sub}+00'`;
    }
    default: throw new Error(`no literal for ${type}`);
  }
}

// Polars literals of the column's dtype. Negative BigInt literals are mangled by nodejs-polars
// (they become UInt64), so 64-bit values go through a string cast.
export function polarsLiteral(pl, type, text) {
  switch (type) {
    case 'boolean': return pl.lit(text === 'true');
    case 'int32': return pl.lit(Number(text)).cast(pl.Int32);
    case 'int64': return pl.lit(text).cast(pl.Int64);
    case 'double': return pl.lit(Number(text)).cast(pl.Float64);
    case 'string': return pl.lit(text);
    case 'date': return pl.lit(Number(text)).cast(pl.Int32).cast(pl.Date);
    case 'timestamp': return pl.lit(text).cast(pl.Int64).cast(pl.Datetime('us', 'UTC'));
    default: throw new Error(`no literal for ${type}`);
  }
}

// Canonical values of a Polars DataFrame column of our `type`.
export function polarsColumn(pl, df, name, type) {
  let s = df.getColumn(name);
  if (type === 'int64') s = s.cast(pl.Utf8);
  if (type === 'timestamp') s = s.cast(pl.Datetime('us', 'UTC')).cast(pl.Int64).cast(pl.Utf8);
  if (type === 'date') s = s.cast(pl.Int32);
  if (type === 'double') s = s.cast(pl.Float64);
  return s.toArray().map((v) => canonical(type, v));
}

// Canonical values of an apache-arrow column of our `type`, read from the raw buffers where
// Arrow JS's getters would lose precision (timestamps become float milliseconds).
export function arrowColumn(arrow, vector, type) {
  const out = [];
  for (const data of vector.data) {
    const chunk = arrow.makeVector(data);
    const unit = data.type.unit;  // Timestamp: 0 s, 1 ms, 2 µs, 3 ns
    for (let i = 0; i < data.length; i++) {
      if (!chunk.isValid(i)) { out.push(null); continue; }
      if (type === 'timestamp') {
        const raw = BigInt(data.values[data.offset + i]);
        const micros = unit === 3 ? floorDiv(raw, 1000n) : unit === 2 ? raw : unit === 1 ? raw * 1000n : raw * 1000000n;
        out.push(micros.toString());
      } else if (type === 'date') {
        out.push(String(data.values[data.offset + i]));
      } else if (type === 'double' || type === 'int32') {
        out.push(canonical(type, data.values[data.offset + i]));
      } else {
        out.push(canonical(type, chunk.get(i)));
      }
    }
  }
  return out;
}
