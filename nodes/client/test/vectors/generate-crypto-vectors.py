#!/usr/bin/env python3
"""Known-answer vectors for the client's crypto, computed independently of nymts:
BLAKE3 from `b3sum` (the BLAKE3 team's Rust implementation, Debian package b3sum 1.2.0),
HMAC (RFC 2104, 64-byte block) and HKDF (RFC 5869) written out here over it, and X25519 and
AES-128-CTR from pyca/cryptography. Run: python3 generate-crypto-vectors.py > crypto.json"""
import json
import subprocess

from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes
from cryptography.hazmat.primitives import serialization


def b3(data: bytes) -> bytes:
    out = subprocess.run(['b3sum', '--no-names', '--raw'], input=data, capture_output=True, check=True)
    return out.stdout


def hmac_b3(key: bytes, message: bytes) -> bytes:
    if len(key) > 64:
        key = b3(key)
    key = key.ljust(64, b'\0')
    inner = b3(bytes(k ^ 0x36 for k in key) + message)
    return b3(bytes(k ^ 0x5C for k in key) + inner)


def hkdf_b3(ikm: bytes, length: int) -> bytes:
    prk = hmac_b3(b'\0' * 32, ikm)
    okm, block, counter = b'', b'', 1
    while len(okm) < length:
        block = hmac_b3(prk, block + bytes([counter]))
        okm += block
        counter += 1
    return okm[:length]


def aes_ctr(key: bytes, iv: bytes, data: bytes) -> bytes:
    encryptor = Cipher(algorithms.AES(key), modes.CTR(iv)).encryptor()
    return encryptor.update(data) + encryptor.finalize()


def pattern(length: int, seed: int) -> bytes:
    return bytes((seed + 7 * i) % 256 for i in range(length))


def raw_public(private: bytes) -> bytes:
    return X25519PrivateKey.from_private_bytes(private).public_key().public_bytes(
        serialization.Encoding.Raw, serialization.PublicFormat.Raw)


vectors = {'blake3': [], 'hkdfBlake3': [], 'packetEncryption': [], 'ackIdentifier': []}

for length in (0, 1, 16, 64, 65, 1024):
    data = pattern(length, length)
    vectors['blake3'].append({'input': data.hex(), 'digest': b3(data).hex()})

for length in (0, 32, 80):
    ikm = pattern(length, 3)
    vectors['hkdfBlake3'].append({'ikm': ikm.hex(), 'length': 16, 'okm': hkdf_b3(ikm, 16).hex()})
    vectors['hkdfBlake3'].append({'ikm': ikm.hex(), 'length': 42, 'okm': hkdf_b3(ikm, 42).hex()})

for seed in (1, 2):
    ephemeral = pattern(32, 40 + seed)
    recipient = pattern(32, 90 + seed)
    shared = X25519PrivateKey.from_private_bytes(ephemeral).exchange(
        X25519PublicKey.from_public_bytes(raw_public(recipient)))
    key = hkdf_b3(shared, 16)
    plaintext = pattern(1611, seed)
    vectors['packetEncryption'].append({
        'ephemeralPrivateKey': ephemeral.hex(),
        'ephemeralPublicKey': raw_public(ephemeral).hex(),
        'recipientPrivateKey': recipient.hex(),
        'recipientPublicKey': raw_public(recipient).hex(),
        'key': key.hex(),
        'plaintext': plaintext.hex(),
        'ciphertext': aes_ctr(key, b'\0' * 16, plaintext).hex(),
    })

for seed in (5, 6):
    ack_key = pattern(16, seed)
    iv = pattern(16, 100 + seed)
    fragment_id = bytes([0x12, 0x34, 0x56, 0x78, seed])
    vectors['ackIdentifier'].append({
        'ackKey': ack_key.hex(),
        'iv': iv.hex(),
        'fragmentId': fragment_id.hex(),
        'sealed': (iv + aes_ctr(ack_key, iv, fragment_id)).hex(),
    })

print(json.dumps(vectors, indent=2))
