#!/usr/bin/env python3
"""Whether a refactoring kept every test's checks: test methods of two revisions (by class and method name) and the
checks each makes (assertThat and friends, AssertJ's is/has/contains/... calls), then the methods that are gone and
those with fewer checks. A row is a place to look, not a verdict (a method may have moved to another class).

Usage: scripts/assertions-kept.py BEFORE AFTER   (run inside the repository)"""
import re
import subprocess
import sys

def files(rev):
    out=subprocess.run(['git','ls-tree','-r','--name-only',rev],capture_output=True,text=True,cwd='.').stdout.split()
    return [f for f in out if '/src/test/' in f and f.endswith('.java')]
def show(rev,f):
    return subprocess.run(['git','show',f'{rev}:{f}'],capture_output=True,text=True,cwd='.').stdout
def methods(rev):
    res={}
    for f in files(rev):
        src=show(rev,f)
        cls=f.rsplit('/',1)[1][:-5]
        # find test methods
        for m in re.finditer(r'@(?:Test|ParameterizedTest|RepeatedTest|TestFactory|TestTemplate|Brigade|Spawn)\b[^{;]*?\b(?:void|\w+)\s+(\w+)\s*\([^)]*\)[^{;]*\{',src,re.S):
            name=m.group(1); start=m.end(); depth=1; i=start
            while depth and i<len(src):
                c=src[i]
                if c=='{': depth+=1
                elif c=='}': depth-=1
                i+=1
            body=src[start:i]
            n=len(re.findall(r'\bassert\w*\(|\.assertStatistics\(|\bfail\(|\.is\w+\(|\.has\w+\(|\.contains\w*\(|\.doesNot\w+\(|\.satisf\w+\(|\.with\w*Message\w*\(|\.matches\(|\.starts\w+\(|\.ends\w+\(',body))
            key=(cls,name)
            res[key]=res.get(key,0)+n
    return res
a=methods(sys.argv[1]); b=methods(sys.argv[2])
lost=[(k,a[k],b.get(k)) for k in a if k not in b]
fewer=[(k,a[k],b[k]) for k in a if k in b and b[k]<a[k]]
print('methods before',len(a),'after',len(b),'checks before',sum(a.values()),'after',sum(b.values()))
print('missing after (renamed/moved/removed):',len(lost))
for x in lost: print('  MISSING',x)
print('fewer checks:',len(fewer))
for x in fewer: print('  FEWER',x)
