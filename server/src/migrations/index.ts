import { Foundation1763769600000 } from './1763769600000-Foundation';
import { ActionPlan1763856000000 } from './1763856000000-ActionPlan';
import { Reporting1763942400000 } from './1763942400000-Reporting';
import { Review1764028800000 } from './1764028800000-Review';
import { Limits1764118800000 } from './1764118800000-Limits';
import { WriteLock1764374400000 } from './1764374400000-WriteLock';
import { MemoDocument1796046647000 } from './1796046647000-MemoDocument';
import { LaoYearFigures1796200000000 } from './1796200000000-LaoYearFigures';
import { BaselineOfThePlan1796300000000 } from './1796300000000-BaselineOfThePlan';
import { DatedRegistry1796400000000 } from './1796400000000-DatedRegistry';
import { ChangeOrder1796500000000 } from './1796500000000-ChangeOrder';
import { ChangeFeed1796600000000 } from './1796600000000-ChangeFeed';
import { ScopedTokens1796700000000 } from './1796700000000-ScopedTokens';
import { Notices1796800000000 } from './1796800000000-Notices';
import { LineChannel1796900000000 } from './1796900000000-LineChannel';
import { WebhookPause1797000000000 } from './1797000000000-WebhookPause';
import { Attachments1797100000000 } from './1797100000000-Attachments';
import { RedFlags1797200000000 } from './1797200000000-RedFlags';
import { RoundPublication1797300000000 } from './1797300000000-RoundPublication';
import { PublishedFigures1797400000000 } from './1797400000000-PublishedFigures';

/** Every migration, in order. Add new ones at the end; never edit one that has shipped. */
export const migrations = [
  Foundation1763769600000,
  ActionPlan1763856000000,
  Reporting1763942400000,
  Review1764028800000,
  Limits1764118800000,
  WriteLock1764374400000,
  MemoDocument1796046647000,
  LaoYearFigures1796200000000,
  BaselineOfThePlan1796300000000,
  DatedRegistry1796400000000,
  ChangeOrder1796500000000,
  ChangeFeed1796600000000,
  ScopedTokens1796700000000,
  Notices1796800000000,
  LineChannel1796900000000,
  WebhookPause1797000000000,
  Attachments1797100000000,
  RedFlags1797200000000,
  RoundPublication1797300000000,
  PublishedFigures1797400000000,
];
