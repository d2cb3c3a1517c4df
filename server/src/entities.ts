import { AuthToken } from './modules/account/auth-token.entity';
import { OutboxMail } from './modules/account/mail.entity';
import { PasswordReset } from './modules/account/password-reset.entity';
import { User } from './modules/account/user.entity';
import { AuditLog } from './modules/audit/audit-log.entity';
import { District } from './modules/geography/district.entity';
import { Province } from './modules/geography/province.entity';
import { Lao } from './modules/lao/lao.entity';

/** Every entity of the schema, listed once (the DataSource, tests and scripts share it). */
export const entities = [Province, District, Lao, User, AuthToken, PasswordReset, OutboxMail, AuditLog];
