package vn.hoibot.telegram;

import java.io.IOException;

import okhttp3.Interceptor;
import okhttp3.MediaType;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * An error answer that is not the Bot API's JSON (a proxy's HTML 502 page, an empty 503) is rewritten into the
 * API's error shape with its HTTP status, so the library reports it as that error (Telegram did not send: try
 * again) rather than as an unreadable answer (which would count as "may have arrived" and never be retried).
 */
class NonJsonErrors implements Interceptor {

    private static final MediaType JSON = MediaType.get("application/json");

    @Override
    public Response intercept(Chain chain) throws IOException {
        Response response = chain.proceed(chain.request());
        if (response.isSuccessful() || isJson(response)) {
            return response;
        }
        int code = response.code();
        response.close();
        String body = "{\"ok\":false,\"error_code\":" + code + ",\"description\":\"HTTP " + code + " without an API answer\"}";
        return response.newBuilder().body(ResponseBody.create(body, JSON)).header("Content-Type", JSON.toString()).build();
    }

    private static boolean isJson(Response response) {
        String type = response.header("Content-Type");
        return type != null && type.toLowerCase().contains("json");
    }
}
