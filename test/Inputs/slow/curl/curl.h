// Mock of libcurl's easy interface, for dbrace's tests (same names and
// signatures as <curl/curl.h>).
#pragma once
extern "C" {
typedef void CURL;
typedef int CURLcode;
typedef int CURLoption;
#define CURLOPT_URL 10002
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
}
