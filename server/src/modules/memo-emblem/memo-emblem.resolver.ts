import { Arg, Authorized, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { AppContext } from '../../core/context';
import { Permission } from '../access/policy';
import { MemoEmblem } from './memo-emblem.entity';
import { clearMemoEmblem, memoEmblem, setMemoEmblem } from './memo-emblem.service';

@Resolver()
export class MemoEmblemResolver {
  @Authorized(Permission.ADMINISTER)
  @Query(() => MemoEmblem, { nullable: true, description: 'ADMIN: the ครุฑ image memos print (null = none, the space stays empty)' })
  memoEmblem(@Ctx() ctx: AppContext): Promise<MemoEmblem | null> {
    return memoEmblem(ctx);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => MemoEmblem, { description: 'ADMIN: set the ครุฑ image of every memo: a PNG or JPEG of up to 45 KB' })
  setMemoEmblem(
    @Arg('image', { description: 'The image as a data: URL (data:image/png;base64,…) or bare base64' }) image: string,
    @Ctx() ctx: AppContext,
  ): Promise<MemoEmblem> {
    return setMemoEmblem(ctx, image);
  }

  @Authorized(Permission.ADMINISTER)
  @Mutation(() => Boolean, { description: 'ADMIN: remove the ครุฑ image; false when there was none' })
  clearMemoEmblem(@Ctx() ctx: AppContext): Promise<boolean> {
    return clearMemoEmblem(ctx);
  }
}
