#pragma once
int coverage();
