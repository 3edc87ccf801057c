"""Per round length: median interval half-width, pairs, robust SD of a pair's log-ratio, lag-1 autocorrelation of the
pairs' log-ratios, the spread of the JVMs' ratios (SD) and their mean. Usage: python3 rounds.py codec-PLATFORM.tsv"""
import math
import statistics as st
import sys

rows, last = [], None
for line in open(sys.argv[1]):
    f = line.rstrip('\n').split('\t')
    if f[0] == '#ratios':
        last['logs'] = [math.log(float(x)) for x in f[1].split(',')]
    elif not line.startswith('#'):
        last = {'round': int(f[0]), 'kind': f[2], 'median': float(f[3]), 'low': float(f[4]), 'high': float(f[5]),
                'pairs': int(f[6])}
        rows.append(last)


def lag1(x):
    m = st.mean(x)
    d = [y - m for y in x]
    return sum(d[i] * d[i + 1] for i in range(len(d) - 1)) / sum(y * y for y in d)


print('| round | JVMs | pairs (median) | interval half-width (median) | a pair\'s robust SD | lag-1 autocorrelation |'
      ' JVMs\' ratios: mean, SD |')
print('|---|---|---|---|---|---|---|')
for length in sorted({r['round'] for r in rows}):
    v = [r for r in rows if r['round'] == length]
    half = st.median((r['high'] / r['low'] - 1) / 2 * 100 for r in v)
    robust = st.median((lambda q: (q[2] - q[0]) / 1.349 * 100)(st.quantiles(r['logs'], n=4)) for r in v)
    medians = [r['median'] for r in v]
    print(f"| {length} ms | {len(v)} | {st.median(r['pairs'] for r in v):.0f} | ±{half:.2f} % | {robust:.1f} % |"
          f" {st.median(lag1(r['logs']) for r in v):+.2f} | {st.mean(medians):.4f}, {st.stdev(medians) * 100:.2f} % |")
