# text processing: split/join, find/replace, formatting, case, slicing, Unicode, encode/decode
def words(n):
    text = ('Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor ' * 50).strip()
    counts = {}
    for _ in range(n):
        for w in text.split():
            w = w.strip(',.').lower()
            counts[w] = counts.get(w, 0) + 1
    return sorted(counts.items())[:3]

def render(n):
    rows = []
    for i in range(n):
        name = 'user%05d' % i
        rows.append('{:<12}|{:>8.2f}|{:^6}|{}'.format(name, i / 7, i % 97, name.upper()[::-1]))
    out = '\n'.join(rows)
    return len(out), out.count('|'), out.find('USER'), out[-20:]

def unicode(n):
    s = 'naïve café 😀 déjà vu ' * 20
    total = 0
    for i in range(n):
        t = s.replace('é', 'e').title()
        b = (t + str(i)).encode()
        total += len(b) + len(b.decode()) + t.count('😀') + len(s[i % 50:i % 50 + 10])
    return total

print(words(60), render(10000), unicode(2000))
