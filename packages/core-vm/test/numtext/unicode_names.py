# \N{name} escapes (compiled from source by eval and exec) and the namereplace error handler


def show(src):
    try:
        print(src, '->', repr(eval(src)))
    except Exception as e:
        print(src, '->', type(e).__name__ + ':', e.args[0])  # SyntaxError's str() differs: the message only


def run(src):
    try:
        exec(src)
        print(src, '-> ok')
    except Exception as e:
        print(src, '->', type(e).__name__ + ':', e.args[0])


for src in ['"\\N{LATIN SMALL LETTER E WITH ACUTE}"', '"\\N{grinning face}!"', '"\\N{NBSP}\\N{BOM}"', '"\\N{CJK UNIFIED IDEOGRAPH-4E2D}"',
            '"\\N{HANGUL SYLLABLE HAN}"', 'f"{1}\\N{BULLET}{2}"', 'len("\\N{EM DASH}" * 3)', '"\\N{NO SUCH NAME}"', '"\\N{SPACE"', '"ab\\N"',
            'b"\\N{SPACE}"', 'r"\\N{SPACE}"', '"é😀\\u0378\\x80".encode("ascii", "namereplace")', '"€\\U000e0001".encode("latin-1", "namereplace")',
            '"\\uac00\\u4e00\\uf900".encode("ascii", "namereplace")', '"€".encode("utf-8", "namereplace")']:
    show(src)
run('x = "\\N{LATIN CAPITAL LETTER A}"; print(x)')
run('x = "\\N{LATIN CAPITAL LETTER}"')
