/**
 * The channel-neutral core: inbound messages, buttons and contacts; outbound replies with buttons; command routing
 * ({@link vn.hoibot.chat.CommandHandler}), dialog sessions in the database ({@link vn.hoibot.chat.DialogSessions}),
 * button keys ({@link vn.hoibot.chat.ButtonTokens}), i18n rendering ({@link vn.hoibot.chat.Messages}) and the
 * {@link vn.hoibot.chat.Channel} port that the Telegram and console channels implement. Depends only on {@code text}.
 */
package vn.hoibot.chat;
