// Debian's libxml2 is built with ICU; Foundation carries its own ICU module and the two
// definitions of UErrorCode clash. libxml2's public API does not need ICU: hide it.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED
#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <libxml/xmlreader.h>
#include <libxml/xmlerror.h>

// xmlFree is a C global function pointer: Swift 6 refuses to touch a mutable global.
static inline void cxml_free(void *p) { xmlFree(p); }

// libxml2 2.9 prints some errors (a failed encoding conversion, "xmlParseChunk: encoder
// error") through the generic error function, straight to stderr, whatever the context's
// structured handler says (the parse still fails and is reported). Variadic C callbacks cannot
// be written in Swift: this one is C. The function is per thread: call it on each thread that parses.
static inline void cxml_silent_generic_error(void *ctx, const char *msg, ...) { (void)ctx; (void)msg; }
static inline void cxml_silence_generic_errors(void) { xmlSetGenericErrorFunc(NULL, cxml_silent_generic_error); }
