# HMAC (RFC 2104) and HKDF (RFC 5869) over BLAKE3, with BLAKE3 computed by b3sum (the Rust
# reference implementation), to give known answers independent of @noble/hashes.
import json, subprocess
def b3(data: bytes) -> bytes:
    out = subprocess.run(['b3sum', '--no-names', '--raw'], input=data, capture_output=True, check=True).stdout
    return out
def hmac(key: bytes, msg: bytes) -> bytes:
    B = 64
    if len(key) > B: key = b3(key)
    key = key.ljust(B, b'\0')
    ipad = bytes(k ^ 0x36 for k in key); opad = bytes(k ^ 0x5c for k in key)
    return b3(opad + b3(ipad + msg))
def hkdf(ikm, salt, info, length):
    if salt is None: salt = bytes(32)
    prk = hmac(salt, ikm)
    t = b''; okm = b''; i = 1
    while len(okm) < length:
        t = hmac(prk, t + info + bytes([i])); okm += t; i += 1
    return okm[:length]
pattern = lambda n: bytes(i % 251 for i in range(n))
hm = []
for key, msg in [(b'', b''), (b'key', b'The quick brown fox jumps over the lazy dog'), (pattern(16), pattern(100)), (pattern(64), pattern(1)), (pattern(100), pattern(1000))]:
    hm.append({'key': key.hex(), 'message': msg.hex(), 'mac': hmac(key, msg).hex()})
hk = []
for ikm, salt, info, length in [(pattern(32), None, b'', 32), (pattern(32), pattern(16), b'', 32), (pattern(22), bytes(range(13)), bytes(range(0xf0, 0xfa)), 42), (pattern(80), pattern(80), pattern(80), 82), (pattern(32), None, b'', 16)]:
    hk.append({'ikm': ikm.hex(), 'salt': None if salt is None else salt.hex(), 'info': info.hex(), 'length': length, 'okm': hkdf(ikm, salt, info, length).hex()})
print(json.dumps({'hmacBlake3': hm, 'hkdfBlake3': hk}, indent=2))
