# helper imported by the numtext snippets: evaluate and print a result or the exception
def show(src, env=None):
    try:
        r = eval(src, env if env is not None else {})
        print(src, '->', repr(r))
    except Exception as e:
        print(src, '->', type(e).__name__ + ':', e)


def run(src, env=None):
    try:
        exec(src, env if env is not None else {})
        print(src, '-> ok')
    except Exception as e:
        print(src, '->', type(e).__name__ + ':', e)
