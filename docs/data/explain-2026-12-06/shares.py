# Issue 29 (docs/methodology.md, "Again with one brigade for both sides"): the total shares of encode, decode and the
# queue link's send and receive in each side's collapsed stacks, per condition of an ExplainExperiment run, and the
# first method by the change of total share (methods in over 90 % of both sides' samples left out).
#   python3 docs/data/explain-2026-12-06/shares.py WORK ROWS CONDITION [CONDITION ...]
# WORK is the experiment's work directory (its reports-<id> directories), ROWS its rows.tsv.
import sys,glob,statistics
def load(p):
    tot={}; n=0
    for l in open(p):
        st,c=l.rstrip('\n').rsplit(' ',1); c=int(c); n+=c
        for m in set(st.split(';')): tot[m]=tot.get(m,0)+c
    return tot,n
M={'enc':'example.explain.Codec.encode()','dec':'example.explain.Codec.decode()','send':'dev.brigade.fixture.Links$QueueLink.send(byte)','recv':'dev.brigade.fixture.Links$QueueLink.receive()'}
work, rowsfile = sys.argv[1], sys.argv[2]
for cond in sys.argv[3:]:
    rows={l.split('\t')[0]:l.split('\t')[1] for l in open(rowsfile)}
    heads={}
    out={k:[] for k in M}
    for k,c in rows.items():
        if c!=cond: continue
        cur=glob.glob(f'{work}/reports-{k}/*-current.collapsed'); base=glob.glob(f'{work}/reports-{k}/*-base.collapsed')
        if not cur or not base:
            continue
        tc,nc=load(cur[0]); tb,nb=load(base[0])
        if nc>=100 and nb>=100:
            moves=sorted(((tc.get(m,0)/nc-tb.get(m,0)/nb,m) for m in set(tc)|set(tb)
                          if not (tc.get(m,0)/nc>0.9 and tb.get(m,0)/nb>0.9)), reverse=True)
            heads[moves[0][1]]=heads.get(moves[0][1],0)+1
        else:
            heads['(too few samples)']=heads.get('(too few samples)',0)+1
        for a,m in M.items():
            out[a].append((tc.get(m,0)/nc, tb.get(m,0)/nb))
    print(cond, 'first by change of share:', heads)
    for a in M:
        cs=[x[0] for x in out[a]]; bs=[x[1] for x in out[a]]; ds=[x[0]-x[1] for x in out[a]]
        print(f'  {a}: base share median {100*statistics.median(bs):.0f}%  current {100*statistics.median(cs):.0f}%  change median {100*statistics.median(ds):+.1f}pp sd {100*statistics.pstdev(ds):.1f}')
