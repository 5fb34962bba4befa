import { Controller, Get, Req } from '@nestjs/common';
import { ApiOperation, ApiResponse, ApiTags } from '@nestjs/swagger';
import type { Request } from 'express';
import type { AuthenticatedUser } from './authenticated-user.js';
import { requestUser } from './request-user.js';

@ApiTags('authentication')
@Controller('v1/auth')
export class CurrentUserController {
  @Get('me')
  @ApiOperation({ summary: 'The signed-in user: id, name, role and the sites they are bound to', operationId: 'getCurrentUser' })
  @ApiResponse({ status: 200, description: 'The user the access token speaks for.' })
  me(@Req() request: Request): AuthenticatedUser {
    const { id, name, role, sites } = requestUser(request);
    return { id, name, role, sites };
  }
}
