//! Every mail's subject and text, in each of the fair's six languages. Each function matches
//! on the reader's language without a catch-all arm, so a language added to the locales
//! fails the build here until its mails are written. Plain text: nothing is escaped, and the
//! values put in (names, companies, the organizer's reason) come back as they were typed.

use app::domain::TeamRole;
use app::domain::team::INVITATION_SECONDS;
use app::i18n::Locale;

/// A mail's subject and text.
pub type Mail = (String, String);

/// The mail that verifies a new address; its link lasts 48 hours (`accounts` checks its
/// lifetime against that).
pub fn verification(locale: Locale, name: &str, url: &str) -> Mail {
    let (subject, text) = match locale {
        Locale::en => (
            "Verify your e-mail address for Cloud Fair",
            format!(
                "Hello {name},\n\nOpen this link to verify your address (valid for 48 hours):\n{url}\n\nIf you did not register at Cloud Fair, ignore this mail.\n"
            ),
        ),
        Locale::zh => (
            "请验证您的云展会邮箱",
            format!(
                "{name}，您好：\n\n请打开以下链接验证您的邮箱（48小时内有效）：\n{url}\n\n如果您没有注册云展会，请忽略此邮件。\n"
            ),
        ),
        Locale::ar => (
            "تحقَّق من عنوان بريدك الإلكتروني في Cloud Fair",
            format!(
                "مرحبًا {name}،\n\nافتح هذا الرابط للتحقق من عنوانك (صالح لمدة 48 ساعة):\n{url}\n\nإذا لم تسجّل في Cloud Fair، فتجاهل هذه الرسالة.\n"
            ),
        ),
        Locale::fr => (
            "Vérifiez votre adresse e-mail pour Cloud Fair",
            format!(
                "Bonjour {name},\n\nOuvrez ce lien pour vérifier votre adresse (valable 48 heures) :\n{url}\n\nSi vous n’avez pas créé de compte sur Cloud Fair, ignorez ce message.\n"
            ),
        ),
        Locale::es => (
            "Verifique su dirección de correo para Cloud Fair",
            format!(
                "Hola, {name}:\n\nAbra este enlace para verificar su dirección (válido durante 48 horas):\n{url}\n\nSi no se registró en Cloud Fair, ignore este correo.\n"
            ),
        ),
        Locale::ru => (
            "Подтвердите адрес электронной почты для Cloud Fair",
            format!(
                "Здравствуйте, {name}!\n\nОткройте эту ссылку, чтобы подтвердить адрес (она действует 48 часов):\n{url}\n\nЕсли Вы не регистрировались на Cloud Fair, проигнорируйте это письмо.\n"
            ),
        ),
    };
    (subject.to_owned(), text)
}

/// The mail with a password-reset link, which lasts an hour and works once (`accounts`
/// checks its lifetime against that).
pub fn reset(locale: Locale, name: &str, url: &str) -> Mail {
    let (subject, text) = match locale {
        Locale::en => (
            "Reset your Cloud Fair password",
            format!(
                "Hello {name},\n\nOpen this link to choose a new password (valid for 1 hour, once):\n{url}\n\nSetting a new password signs you out everywhere. If you did not ask for this, ignore this mail: your password stays as it is.\n"
            ),
        ),
        Locale::zh => (
            "重设您的云展会密码",
            format!(
                "{name}，您好：\n\n请打开以下链接设置新密码（1小时内有效，仅可使用一次）：\n{url}\n\n设置新密码后，您的所有登录会话都将退出。如果您没有申请重设密码，请忽略此邮件，您的密码不会改变。\n"
            ),
        ),
        Locale::ar => (
            "إعادة تعيين كلمة مرورك في Cloud Fair",
            format!(
                "مرحبًا {name}،\n\nافتح هذا الرابط لاختيار كلمة مرور جديدة (صالح لمدة ساعة واحدة، ولمرة واحدة):\n{url}\n\nيؤدي تعيين كلمة مرور جديدة إلى تسجيل خروجك من كل مكان. إذا لم تطلب ذلك، فتجاهل هذه الرسالة: تبقى كلمة مرورك كما هي.\n"
            ),
        ),
        Locale::fr => (
            "Réinitialisez votre mot de passe Cloud Fair",
            format!(
                "Bonjour {name},\n\nOuvrez ce lien pour choisir un nouveau mot de passe (valable 1 heure, une seule fois) :\n{url}\n\nUn nouveau mot de passe vous déconnecte partout. Si vous n’avez rien demandé, ignorez ce message : votre mot de passe reste inchangé.\n"
            ),
        ),
        Locale::es => (
            "Restablezca su contraseña de Cloud Fair",
            format!(
                "Hola, {name}:\n\nAbra este enlace para elegir una contraseña nueva (válido durante 1 hora, una sola vez):\n{url}\n\nAl elegir una contraseña nueva se cierran todas sus sesiones. Si no lo pidió, ignore este correo: su contraseña no cambia.\n"
            ),
        ),
        Locale::ru => (
            "Сброс пароля Cloud Fair",
            format!(
                "Здравствуйте, {name}!\n\nОткройте эту ссылку, чтобы выбрать новый пароль (она действует 1 час, использовать её можно один раз):\n{url}\n\nПосле смены пароля все Ваши сеансы будут завершены. Если Вы не запрашивали сброс, проигнорируйте это письмо: Ваш пароль не изменится.\n"
            ),
        ),
    };
    (subject.to_owned(), text)
}

/// The mail confirming an application to exhibit.
pub fn receipt(locale: Locale, name: &str, company: &str) -> Mail {
    match locale {
        Locale::en => (
            format!("We received the application of {company}"),
            format!(
                "Hello {name},\n\nThank you for applying to exhibit {company} at Cloud Fair. The organizer reviews every application and will write to this address: either an invitation to set up your booth, or the reason the application cannot be accepted.\n"
            ),
        ),
        Locale::zh => (
            format!("我们已收到{company}的参展申请"),
            format!(
                "{name}您好：\n\n感谢{company}申请参加云展会。主办方审核后会发邮件到这个地址：或邀请您布置展位，或说明无法接受申请的原因。\n"
            ),
        ),
        Locale::ar => (
            format!("تلقّينا طلب مشاركة {company}"),
            format!(
                "مرحبًا {name}،\n\nشكرًا لتقديم طلب مشاركة {company} عارضًا في Cloud Fair. يراجع المنظِّم كل طلب وسيكتب إلى هذا العنوان: إما دعوة لتجهيز جناحك، وإما سبب تعذُّر قبول الطلب.\n"
            ),
        ),
        Locale::fr => (
            format!("Nous avons reçu la candidature de {company}"),
            format!(
                "Bonjour {name},\n\nMerci pour la candidature de {company} comme exposant sur Cloud Fair. L’organisateur examine chaque candidature et écrira à cette adresse : soit une invitation à installer votre stand, soit la raison pour laquelle la candidature ne peut pas être acceptée.\n"
            ),
        ),
        Locale::es => (
            format!("Hemos recibido la solicitud de {company}"),
            format!(
                "Hola, {name}:\n\nGracias por solicitar que {company} exponga en Cloud Fair. El organizador revisa cada solicitud y escribirá a esta dirección: o bien una invitación para preparar su stand, o bien el motivo por el que no se puede aceptar la solicitud.\n"
            ),
        ),
        Locale::ru => (
            format!("Мы получили заявку компании {company}"),
            format!(
                "Здравствуйте, {name}!\n\nСпасибо за заявку на участие компании {company} в Cloud Fair. Организатор рассматривает каждую заявку и напишет на этот адрес: либо пришлёт приглашение оформить стенд, либо объяснит, почему заявку нельзя принять.\n"
            ),
        ),
    }
}

/// The mail declining an application, with the organizer's reason.
pub fn decline(locale: Locale, name: &str, company: &str, reason: &str, apply_url: &str) -> Mail {
    match locale {
        Locale::en => (
            format!("Your application for {company}"),
            format!(
                "Hello {name},\n\nThank you for applying to exhibit {company} at Cloud Fair. We cannot accept the application this time, for this reason:\n\n{reason}\n\nYou may apply again at {apply_url}\n"
            ),
        ),
        Locale::zh => (
            format!("关于{company}的参展申请"),
            format!(
                "{name}您好：\n\n感谢{company}申请参加云展会。很遗憾，这次无法接受申请，原因如下：\n\n{reason}\n\n您可以在这里重新申请：{apply_url}\n"
            ),
        ),
        Locale::ar => (
            format!("بشأن طلب مشاركة {company}"),
            format!(
                "مرحبًا {name}،\n\nشكرًا لتقديم طلب مشاركة {company} عارضًا في Cloud Fair. لا يمكننا قبول الطلب هذه المرة، للسبب التالي:\n\n{reason}\n\nيمكنك التقديم مجددًا على {apply_url}\n"
            ),
        ),
        Locale::fr => (
            format!("Votre candidature pour {company}"),
            format!(
                "Bonjour {name},\n\nMerci pour la candidature de {company} comme exposant sur Cloud Fair. Nous ne pouvons pas accepter la candidature cette fois, pour la raison suivante :\n\n{reason}\n\nVous pouvez postuler de nouveau sur {apply_url}\n"
            ),
        ),
        Locale::es => (
            format!("Su solicitud para {company}"),
            format!(
                "Hola, {name}:\n\nGracias por solicitar que {company} exponga en Cloud Fair. Esta vez no podemos aceptar la solicitud, por este motivo:\n\n{reason}\n\nPuede volver a solicitarlo en {apply_url}\n"
            ),
        ),
        Locale::ru => (
            format!("Ваша заявка от компании {company}"),
            format!(
                "Здравствуйте, {name}!\n\nСпасибо за заявку на участие компании {company} в Cloud Fair. На этот раз мы не можем её принять по следующей причине:\n\n{reason}\n\nПодать заявку снова можно здесь: {apply_url}\n"
            ),
        ),
    }
}

/// An invitation to run a booth (its owner) or to join its team (staff). The invitation
/// lasts a week: the words for "7 days" below are the forms each language uses for seven.
pub fn invitation(locale: Locale, inviter: &str, company: &str, role: TeamRole, url: &str) -> Mail {
    const _: () = assert!(INVITATION_SECONDS == 7 * 86_400, "the texts say seven days");
    let owner = role == TeamRole::Owner;
    match locale {
        Locale::en => (
            if owner {
                format!("You are invited to run the booth of {company} at Cloud Fair")
            } else {
                format!("Join the booth team of {company} at Cloud Fair")
            },
            format!(
                "Hello,\n\n{}\nOpen this link to accept and choose a password (valid for 7 days):\n{url}\n",
                if owner {
                    format!(
                        "{inviter} invites you to run the booth of {company} at Cloud Fair: its profile, products and team."
                    )
                } else {
                    format!("{inviter} invites you to the booth team of {company} at Cloud Fair.")
                }
            ),
        ),
        Locale::zh => (
            if owner {
                format!("邀请您在云展会管理{company}的展位")
            } else {
                format!("邀请您加入{company}的展位团队")
            },
            format!(
                "您好：\n\n{}\n请打开以下链接接受邀请并设置密码（7天内有效）：\n{url}\n",
                if owner {
                    format!(
                        "{inviter}邀请您作为{company}的负责人加入云展会，管理展位、产品和团队。"
                    )
                } else {
                    format!("{inviter}邀请您加入云展会上{company}的展位团队。")
                }
            ),
        ),
        Locale::ar => (
            if owner {
                format!("دعوة لإدارة جناح {company} في Cloud Fair")
            } else {
                format!("انضمّ إلى فريق جناح {company} في Cloud Fair")
            },
            format!(
                "مرحبًا،\n\n{}\nافتح هذا الرابط لقبول الدعوة واختيار كلمة مرور (صالح لمدة 7 أيام):\n{url}\n",
                if owner {
                    format!(
                        "يدعوك {inviter} إلى إدارة جناح {company} في Cloud Fair: ملفه ومنتجاته وفريقه."
                    )
                } else {
                    format!("يدعوك {inviter} إلى الانضمام إلى فريق جناح {company} في Cloud Fair.")
                }
            ),
        ),
        Locale::fr => (
            if owner {
                format!("Invitation à gérer le stand de {company} sur Cloud Fair")
            } else {
                format!("Rejoignez l’équipe du stand de {company} sur Cloud Fair")
            },
            format!(
                "Bonjour,\n\n{}\nOuvrez ce lien pour accepter et choisir un mot de passe (valable 7 jours) :\n{url}\n",
                if owner {
                    format!(
                        "{inviter} vous invite à gérer le stand de {company} sur Cloud Fair : sa présentation, ses produits et son équipe."
                    )
                } else {
                    format!(
                        "{inviter} vous invite dans l’équipe du stand de {company} sur Cloud Fair."
                    )
                }
            ),
        ),
        Locale::es => (
            if owner {
                format!("Le invitan a gestionar el stand de {company} en Cloud Fair")
            } else {
                format!("Únase al equipo del stand de {company} en Cloud Fair")
            },
            format!(
                "Hola:\n\n{}\nAbra este enlace para aceptar y elegir una contraseña (válido durante 7 días):\n{url}\n",
                if owner {
                    format!(
                        "{inviter} le invita a gestionar el stand de {company} en Cloud Fair: su perfil, sus productos y su equipo."
                    )
                } else {
                    format!("{inviter} le invita al equipo del stand de {company} en Cloud Fair.")
                }
            ),
        ),
        Locale::ru => (
            if owner {
                format!("Приглашение управлять стендом компании {company} на Cloud Fair")
            } else {
                format!("Присоединяйтесь к команде стенда компании {company} на Cloud Fair")
            },
            format!(
                "Здравствуйте!\n\n{}\nОткройте эту ссылку, чтобы принять приглашение и выбрать пароль (она действует 7 дней):\n{url}\n",
                if owner {
                    format!(
                        "{inviter} приглашает Вас управлять стендом компании {company} на Cloud Fair: его профилем, товарами и командой."
                    )
                } else {
                    format!(
                        "{inviter} приглашает Вас в команду стенда компании {company} на Cloud Fair."
                    )
                }
            ),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use leptos_i18n::Locale as _;
    use std::collections::BTreeSet;

    /// Every mail in every language carries each value put in, untouched, in a text of its
    /// own: no two languages share a subject or a text, and none but English has its words.
    #[test]
    fn every_mail_in_every_language_carries_its_values() {
        let name = "Ольга «Li» حداد";
        let url = "https://fair.example/link?token=t0k3n";
        let company = "Müller & Söhne 明光";
        let reason = "Booths sold out";
        let mut seen = BTreeSet::new();
        for &locale in Locale::get_all() {
            // Each mail with the values its text must carry (and its subject the company).
            let mails = [
                (verification(locale, name, url), vec![name, url], false),
                (reset(locale, name, url), vec![name, url], false),
                (receipt(locale, name, company), vec![name, company], true),
                (
                    decline(locale, name, company, reason, url),
                    vec![name, company, reason, url],
                    true,
                ),
                (
                    invitation(locale, name, company, TeamRole::Owner, url),
                    vec![name, company, url],
                    true,
                ),
                (
                    invitation(locale, name, company, TeamRole::Staff, url),
                    vec![name, company, url],
                    true,
                ),
            ];
            for ((subject, text), values, names_company) in &mails {
                assert!(text.ends_with('\n'), "{locale:?}: {text}");
                for value in values {
                    assert!(text.contains(value), "{locale:?}: {value} in {text}");
                }
                assert_eq!(
                    subject.contains(company),
                    *names_company,
                    "{locale:?}: {subject}"
                );
                assert!(
                    seen.insert(subject.clone()),
                    "{locale:?}: a subject twice: {subject}"
                );
                assert!(
                    seen.insert(text.clone()),
                    "{locale:?}: a text twice: {text}"
                );
                if locale != Locale::en {
                    for english in ["Hello", "Open this link", "Thank you", "invites you"] {
                        assert!(!text.contains(english), "{locale:?}: {text}");
                    }
                }
            }
        }
    }
}
