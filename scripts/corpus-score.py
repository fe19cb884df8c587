#!/usr/bin/env python3
"""Score xhht's XLSX reader on the shared corpus of real workbooks (`make corpus`).

Finds the corpus ($XHHT_CORPUS, else ../shared/corpus/xlsx next to the repository, else
/work/shared/corpus/xlsx), runs the corpus's own scorer with `.build/release/xhht cells`
(or $XHHT_BIN), prints its last line, and exits non-zero when fewer than 99.5% of the
expected cells agree, or any file crashed, hung, or failed the wrong way.
Without a corpus it prints "corpus not found, skipped" and exits 0.
Set XHHT_CORPUS_VERBOSE=1 to see every file's line.
"""
import os
import re
import subprocess
import sys

THRESHOLD = 99.5
REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def find_corpus():
    candidates = [os.environ.get('XHHT_CORPUS'),
                  os.path.join(REPO, '..', 'shared', 'corpus', 'xlsx'),
                  '/work/shared/corpus/xlsx']
    for c in candidates:
        if c and os.path.isfile(os.path.join(c, 'consensus.py')):
            return os.path.abspath(c)
    return None


def main():
    corpus = find_corpus()
    if corpus is None:
        print('corpus not found, skipped')
        return 0
    binary = os.environ.get('XHHT_BIN', os.path.join(REPO, '.build', 'release', 'xhht'))
    if not os.access(binary, os.X_OK):
        print('%s not found: build it first (swift build -c release --product xhht)' % binary, file=sys.stderr)
        return 2
    p = subprocess.run([sys.executable, os.path.join(corpus, 'consensus.py'), 'score', corpus, '--', binary, 'cells'],
                       capture_output=True, text=True)
    lines = [l for l in p.stdout.splitlines() if l.strip()]
    if os.environ.get('XHHT_CORPUS_VERBOSE'):
        print('\n'.join(lines[:-1]))
    else:
        for l in lines[:-1]:
            if l.endswith('<-'):
                print(l)
    if not lines:
        print('the scorer printed nothing: %s' % p.stderr.strip()[:500], file=sys.stderr)
        return 2
    last = lines[-1]
    print(last)
    m = re.search(r'\(([\d.]+)%\); files: ok (\d+), crashed (\d+), hung (\d+), wrong-failure (\d+)', last)
    if not m:
        print('unexpected scorer output', file=sys.stderr)
        return 2
    pct, crashed, hung, wrong = float(m.group(1)), int(m.group(3)), int(m.group(4)), int(m.group(5))
    failures = []
    if pct < THRESHOLD:
        failures.append('%.2f%% of expected cells < %.1f%%' % (pct, THRESHOLD))
    if crashed or hung or wrong:
        failures.append('%d crashed, %d hung, %d wrong-failure' % (crashed, hung, wrong))
    if failures:
        print('corpus score FAILED: ' + '; '.join(failures), file=sys.stderr)
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
