package vn.hoibot.survey;

import org.springframework.stereotype.Component;

import vn.hoibot.chat.ButtonAction;
import vn.hoibot.chat.ChatContext;
import vn.hoibot.chat.UserFacingException;
import vn.hoibot.member.Accounts;

/** {@code Bắt đầu} under an invitation (and in /khaosat's list): starts or resumes her response to the run. */
@Component
class StartButton implements ButtonAction<StartButton.Run> {

    /** The run the invitation is for. */
    record Run(long run) {
    }

    static final String ACTION = "survey.start";

    private final Accounts accounts;
    private final AnswerDialog dialog;

    StartButton(Accounts accounts, AnswerDialog dialog) {
        this.accounts = accounts;
        this.dialog = dialog;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Class<Run> payloadType() {
        return Run.class;
    }

    @Override
    public void onPress(ChatContext ctx, Run payload, String messageId) {
        long member = accounts.memberFor(ctx.sender().channel(), ctx.sender().userId())
                .orElseThrow(() -> new UserFacingException("survey.not-linked"));
        dialog.start(ctx, payload.run(), member);
    }
}
