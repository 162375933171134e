#ifndef SORD_COPENSSL_SHIM_H
#define SORD_COPENSSL_SHIM_H
#include <openssl/bio.h>
#include <openssl/cms.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rsa.h>
#include <openssl/ec.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <openssl/rand.h>
#include <openssl/bn.h>

/* Macros that Swift cannot import, wrapped as functions. */

/* XN_FLAG_RFC2253 without escaping non-ASCII: print a distinguished name as "CN=x,O=y"
   (RFC 2253 order and escaping) with non-ASCII characters as UTF-8 rather than \XX escapes. */
static inline unsigned long sord_xn_flag_rfc2253_utf8(void) { return XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB; }

/* MBSTRING_UTF8: the input of X509_NAME_add_entry_by_txt is UTF-8 text. */
static inline int sord_mbstring_utf8(void) { return MBSTRING_UTF8; }

#endif
