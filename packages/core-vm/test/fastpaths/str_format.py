# str.format: cached templates must raise syntax errors only when reached, in order
tests = ['{}', '{0} {1}', '{a}', '{0!r:>10}', '{:{}}', '{{}}', '}', '{', '{0', '{0!}', '{0!x}', '{!r}{}', '{0}{}', '{}{0}', 'x{0[1]}y', '{0.real}', '{0:{1}{2}}', 'abc', '', '{0} {', '{9} {', '{0:{1:{2}}}', '{!', '{0!r', '{0!rx}', '}}{{', '{a[b]}', '{0[}', '{:d} {:.2f} {:>5}']
for t in tests:
    for args in [(), (1, 2, 3), ('xy', 5, 'd')]:
        try:
            print(repr(t), args, repr(t.format(*args, a='A')))
        except Exception as e:
            print(repr(t), args, type(e).__name__, e)
for i in range(3):
    print('{:<12}|{:>8.2f}|{:^6}|{}'.format('n%d' % i, i / 7, i % 97, 'ab'[::-1]))
print('{0!s:^9}'.format(1.5), '{x}'.format_map({'x': 3}))
