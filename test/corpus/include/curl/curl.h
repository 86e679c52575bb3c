// Stand-in for libcurl's <curl/curl.h>: only what the corpus cases use, with
// the real names and signatures, so that cases calling out to the network
// compile without the libcurl development package.
#pragma once
#ifdef __cplusplus
extern "C" {
#endif
typedef void CURL;
typedef enum { CURLE_OK = 0 } CURLcode;
typedef enum { CURLOPT_URL = 10002, CURLOPT_POSTFIELDS = 10015 } CURLoption;
CURL *curl_easy_init(void);
CURLcode curl_easy_setopt(CURL *curl, CURLoption option, ...);
CURLcode curl_easy_perform(CURL *curl);
void curl_easy_cleanup(CURL *curl);
#ifdef __cplusplus
}
#endif
