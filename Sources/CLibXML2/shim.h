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
