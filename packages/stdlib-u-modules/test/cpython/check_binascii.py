# ubinascii, spec 4.1.6, line by line (and CPython's behaviour where the spec defers to it).
import binascii

# hexlify(data[, sep]): "Convert binary data to hexadecimal representation. Returns bytes string."
for data in (b'', b'\x00', b'\x00\x01\x7f\x80\xff', bytes(range(0, 256, 7)), bytearray(b'abc'), memoryview(b'xyz')):
    print(binascii.hexlify(data))
# "If additional argument, sep is supplied, it is used as a separator between hexadecimal values."
print(binascii.hexlify(b'\x01\x02\x03', ':'))
print(binascii.hexlify(b'\x01\x02\x03', b'-'))
print(binascii.hexlify(b'\x01', ':'))
print(binascii.hexlify(b'', ':'))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', 2))
print(binascii.hexlify(b'\x01\x02\x03\x04\x05', ' ', -2))
for bad in ('ab', 1, None):
    try:
        binascii.hexlify(bad)
    except TypeError:
        print('TypeError', repr(bad))

# unhexlify(data): "Convert hexadecimal data to binary representation. Returns bytes string."
for data in (b'', b'00', b'0001feFF', '7f80', bytearray(b'4142')):
    print(binascii.unhexlify(data))
# round trip
for n in range(0, 40, 3):
    d = bytes((i * 37 + 11) & 255 for i in range(n))
    assert binascii.unhexlify(binascii.hexlify(d)) == d
for bad in (b'0', b'abc', b'zz', b'0g'):
    try:
        binascii.unhexlify(bad)
    except ValueError as e:
        print('ValueError', bad, isinstance(e, binascii.Error))

# a2b_base64(data): "Decode base64-encoded data, ignoring invalid characters in the input."
for data in (b'', b'Zg==', b'Zm8=', b'Zm9v', b'Zm9vYg==', b'Zm9vYmE=', b'Zm9vYmFy', 'Zm9vYmFy',
             b'Zm9v\nYmFy\n', b'Zm9v!Ym@Fy', b'Zm 9v', b'Zm9v====', b'AAECAwQFBgc=', b'//79'):
    print(binascii.a2b_base64(data))
for bad in (b'Z', b'Zm9vY', b'Zg', b'Zg='):
    try:
        print(binascii.a2b_base64(bad))
    except ValueError as e:
        print('ValueError', bad, isinstance(e, binascii.Error))

# b2a_base64(data): "Returns the encoded data followed by a newline character, as a bytes object."
for data in (b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256))[:50], bytearray(b'\xff\xfe')):
    print(binascii.b2a_base64(data))
print(binascii.b2a_base64(b'foo', newline=False))
for n in range(0, 30):
    d = bytes((i * 53 + 7) & 255 for i in range(n))
    assert binascii.a2b_base64(binascii.b2a_base64(d)) == d
try:
    binascii.b2a_base64('text')
except TypeError:
    print('TypeError')

# crc32(data[, value])
for data in (b'', b'a', b'The quick brown fox jumps over the lazy dog', bytes(range(256))):
    print(hex(binascii.crc32(data)))
print(hex(binascii.crc32(b' world', binascii.crc32(b'hello'))))
print(hex(binascii.crc32(b'x', 0xffffffff)))
print(binascii.crc32(b'hello world') == binascii.crc32(b' world', binascii.crc32(b'hello')))
